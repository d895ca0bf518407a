/** The JSON documents of {@code -Dhop.output=json}, written from the goals' results. Imports the API. */
package dev.hop.core.json;
