/** Rendering digests with Thymeleaf from the user-editable templates folder, validated before any mail goes out. */
package org.resumen.digest.render;
