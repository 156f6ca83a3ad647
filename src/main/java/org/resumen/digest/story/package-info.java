/**
 * Stories: the articles of one edition that tell the same event, grouped across sources (Spanish-
 * and English-aware text analysis on Lucene), with a lead article and the others as "also in", and
 * their order by coverage.
 */
package org.resumen.digest.story;
