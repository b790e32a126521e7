/**
 * The satisfaction facade: keeps per touchpoint × day aggregates up to date as responses arrive (a
 * crash-safe background folder), serves touchpoint reports, headline figures and trends from those
 * aggregates only, and runs ad hoc PLS analyses. Invalid input leaves as
 * {@link io.sentio.problems.entity.DomainException} naming the field, so the web layer answers 400.
 */
package io.sentio.satisfaction.boundary;
