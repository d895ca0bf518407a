--
-- hop metadata of the production state 0.0.0: the release row of half_orm_meta.hop_release.
-- hop writes model/metadata-X.Y.Z.sql at each production release (mvn hop:promote -Dto=prod).
--

SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

INSERT INTO half_orm_meta.hop_release (major, minor, patch, pre_release, pre_release_num, changelog)
VALUES (0, 0, 0, '', '', 'Initial release');
