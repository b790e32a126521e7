/**
 * The satisfaction API: touchpoint reports, headline figures and trends (served from per-day aggregates),
 * and ad hoc PLS path model analyses. Bodies are read and written with JSON-P so that the served shapes
 * are exactly the documented ones, including explicit nulls for figures that cannot be estimated.
 */
package io.sentio.web.satisfaction;
