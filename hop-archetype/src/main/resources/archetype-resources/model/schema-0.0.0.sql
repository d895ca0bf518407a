--
-- PostgreSQL database dump
--
-- The production state 0.0.0: no relation yet. hop writes model/schema-X.Y.Z.sql at each
-- production release (mvn hop:promote -Dto=prod).
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- PostgreSQL database dump complete
--
