package io.sentio.satisfaction.entity;

/**
 * Measurement quality of one block, all on standardized indicators with outer loadings λ and
 * weights w scaled so the construct score has unit variance.
 * <ul>
 *   <li>{@code ave}: average variance extracted, Σλ²/k (Fornell &amp; Larcker 1981, JMR 18:39–50, eq. 10);</li>
 *   <li>{@code alpha}: Cronbach's α of the standardized items, k·r̄/(1 + (k−1)·r̄) with r̄ the mean
 *       inter-item correlation (Cronbach 1951, Psychometrika 16:297–334);</li>
 *   <li>{@code alphaRaw}: Cronbach's α of the raw items, k/(k−1)·(1 − Σs²ᵢ / s²_sum);</li>
 *   <li>{@code rhoC}: composite reliability (Σλ)²/((Σλ)² + Σ(1 − λ²)) (Werts, Linn &amp; Jöreskog 1974);</li>
 *   <li>{@code rhoA}: (wᵀw)²·wᵀ(S − diag S)w / wᵀ(wwᵀ − diag(wwᵀ))w, S the item correlation matrix
 *       (Dijkstra &amp; Henseler 2015, "Consistent partial least squares path modeling", MISQ 39:297–316, eq. 9).</li>
 * </ul>
 * For a single-indicator block none of these is estimable; by convention all are 1.
 */
public record ConstructQuality(double ave, double alpha, double alphaRaw, double rhoC, double rhoA) {
}
