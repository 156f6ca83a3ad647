/** Articles and their sources: feeds and Markdown folders, ingest, normalisation, sanitising and storage. */
package org.resumen.digest.article;
