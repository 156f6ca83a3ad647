/** Source health: each source's history, and whether an edition is sent, sent with an alert, or held. */
package org.resumen.digest.health;
