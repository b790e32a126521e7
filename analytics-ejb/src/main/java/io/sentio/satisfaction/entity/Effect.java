package io.sentio.satisfaction.entity;

/**
 * Direct, indirect and total standardized effect of one construct on another. With B the matrix of
 * path coefficients (B[from][to]) of a recursive model, total effects are T = B + B² + … + B^(m−1)
 * (nilpotent series) and indirect = total − direct (Alwin &amp; Hauser 1975, "The decomposition of
 * effects in path analysis", ASR 40:37–47).
 */
public record Effect(String from, String to, double direct, double indirect, double total) {
}
