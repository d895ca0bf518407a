/**
 * The steps goals share, built from the engines: the project and its databases, the checks of branches and of the
 * team gate, a commit on ho-prod with its undo, validation, promotions, and the production upgrade. Imports every
 * package below the API.
 */
package dev.hop.core.workflow;
