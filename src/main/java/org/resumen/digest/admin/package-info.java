/** Admin accounts of the console: who they are, their role, their bcrypt-hashed passwords and their sessions. */
package org.resumen.digest.admin;
