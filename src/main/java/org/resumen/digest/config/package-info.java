/** Typed configuration: the keys, their defaults in one place, loading from YAML and DIGEST_* environment variables, validation. */
package org.resumen.digest.config;
