package io.sentio.satisfaction.entity;

/**
 * Outer estimation mode of a construct (Lohmöller 1989, ch. 2; Tenenhaus et al. 2005, sec. 2.2).
 * Mode A: each weight is the covariance of its indicator with the inner proxy (reflective block);
 * Mode B: the weights are the multiple-regression coefficients of the inner proxy on the block
 * (formative block).
 */
public enum Mode {
    A, B
}
