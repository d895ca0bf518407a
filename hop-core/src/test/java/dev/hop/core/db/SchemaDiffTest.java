package dev.hop.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.db.SchemaDiff.Difference;
import dev.hop.core.db.SchemaDiff.Kind;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
  private static final String HEAD = """
      --
      -- PostgreSQL database dump
      --

      SET statement_timeout = 0;
      SELECT pg_catalog.set_config('search_path', '', false);

      """;
  private static final String FILM = """
      --
      -- Name: film; Type: TABLE; Schema: public; Owner: -
      --

      CREATE TABLE public.film (
          film_id integer NOT NULL,
          title text NOT NULL
      );

      """;
  private static final String FILM_PKEY = """
      --
      -- Name: film film_pkey; Type: CONSTRAINT; Schema: public; Owner: -
      --

      ALTER TABLE ONLY public.film
          ADD CONSTRAINT film_pkey PRIMARY KEY (film_id);

      """;
  private static final String LAST_DAY = """
      --
      -- Name: last_day(timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
      --

      CREATE FUNCTION public.last_day(timestamp with time zone) RETURNS date
          LANGUAGE sql IMMUTABLE STRICT
          AS $_$ SELECT 1 $_$;

      """;
  private static final String EXTENSION = """
      --
      -- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
      --

      CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

      """;

  @Test
  void theSameDumpHasNoDifference() {
    String dump = HEAD + EXTENSION + FILM + LAST_DAY + FILM_PKEY;

    assertThat(SchemaDiff.between(dump, dump)).isEmpty();
  }

  @Test
  void commentsBlankLinesAndTrailingSpacesAreNotDifferences() {
    String reference = HEAD + FILM;
    String database = HEAD.replace("PostgreSQL database dump", "dumped elsewhere") + FILM.replace(");", ");   \n\n");

    assertThat(SchemaDiff.between(reference, database)).isEmpty();
  }

  @Test
  void aHeaderOverACommentOnlyIsNoObject() {
    String publicSchema = """
        --
        -- Name: public; Type: SCHEMA; Schema: -; Owner: -
        --

        -- *not* creating schema, since initdb creates it


        """;

    assertThat(SchemaDiff.between(HEAD + publicSchema + FILM, HEAD + FILM)).isEmpty();
  }

  @Test
  void eachObjectIsNamedByKindSchemaAndNameWithTheFirstLineThatDiffers() {
    String reference = HEAD + EXTENSION + FILM + LAST_DAY;
    String database = HEAD + FILM.replace("title text NOT NULL", "title text") + FILM_PKEY;

    assertThat(SchemaDiff.between(reference, database)).containsExactly(
        new Difference(Kind.REMOVED, "EXTENSION pgcrypto", ""),
        new Difference(Kind.CHANGED, "TABLE public.film", "- title text NOT NULL + title text"),
        new Difference(Kind.REMOVED, "FUNCTION public.last_day(timestamp with time zone)", ""),
        new Difference(Kind.ADDED, "CONSTRAINT public.film film_pkey", ""));
    assertThat(SchemaDiff.between(reference, database).get(1).describe())
        .isEqualTo("changed: TABLE public.film (- title text NOT NULL + title text)");
  }

  @Test
  void aColumnAddedAtTheEndIsShownWithoutTheCommaItMovedOnTheLineBefore() {
    String database = FILM.replace("    title text NOT NULL\n", "    title text NOT NULL,\n    rating text\n");

    assertThat(SchemaDiff.between(HEAD + FILM, HEAD + database)).singleElement()
        .extracting(Difference::detail).isEqualTo("+ rating text");
  }

  @Test
  void linesInAnotherOrderAreShownByPosition() {
    String database = FILM.replace("    film_id integer NOT NULL,\n    title text NOT NULL\n",
        "    title text NOT NULL,\n    film_id integer NOT NULL\n");

    assertThat(SchemaDiff.between(HEAD + FILM, HEAD + database)).singleElement()
        .extracting(Difference::detail).isEqualTo("- film_id integer NOT NULL + title text NOT NULL");
  }
}
