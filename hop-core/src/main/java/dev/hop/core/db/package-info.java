/**
 * hop's PostgreSQL engine, through JDBC and the client tools: servers and databases, the metadata schema, patch
 * scripts and their execution, templates, snapshots, backups and the upgrade lock. Imports {@code base},
 * {@code errors} and {@code release}.
 */
package dev.hop.core.db;
