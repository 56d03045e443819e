-- FND (msnp.md 11.8) stays fast with a million accounts: a search names a first or a last name (docs/adr/0106),
-- and these indexes return the hits already in the result order (last name, first name, id), so the search
-- stops after limit + 1 rows instead of sorting every match. With only a first name, the equality on
-- first_name_key makes the second index's order the result order too.
DROP INDEX account_directory_name;
DROP INDEX account_directory_first_name;
CREATE INDEX account_directory_name ON account (last_name_key, first_name_key, id) WHERE searchable;
CREATE INDEX account_directory_first_name ON account (first_name_key, last_name_key, id) WHERE searchable;
