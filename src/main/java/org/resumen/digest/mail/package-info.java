/** How one message is made trustworthy on its way out: DKIM keys and signatures (RFC 6376). */
package org.resumen.digest.mail;
