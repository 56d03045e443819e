-- The cluster's own tables (ARCHITECTURE §4, §5); the directory's live beside them with their own history.

-- Live nodes: a node whose heartbeat is older than the expiry is presumed dead and reaped by a survivor.
CREATE TABLE cluster_node (
	id        varchar(40)  PRIMARY KEY,
	role      varchar(16)  NOT NULL,
	address   varchar(300) NOT NULL,
	load      integer      NOT NULL DEFAULT 0,
	heartbeat timestamptz  NOT NULL,
	started   timestamptz  NOT NULL
);

CREATE INDEX cluster_node_role ON cluster_node (role, heartbeat);

-- Who is online where: at most one session per account. No foreign key to cluster_node: a node is
-- reaped with its sessions in one statement, and its row goes first.
CREATE TABLE online_session (
	account       varchar(320) PRIMARY KEY,
	session_id    varchar(128) NOT NULL,
	node          varchar(40)  NOT NULL,
	status        char(3)      NOT NULL,
	friendly_name varchar(1000) NOT NULL,
	dialect       varchar(8)   NOT NULL,
	since         timestamptz  NOT NULL
);

CREATE INDEX online_session_node ON online_session (node);

-- Bus payloads too large for NOTIFY (8000 bytes): the notification carries the row's id.
-- Broadcast payloads are read by every node, so rows are removed by age, not when read.
CREATE TABLE cluster_payload (
	id      bigserial   PRIMARY KEY,
	body    text        NOT NULL,
	created timestamptz NOT NULL DEFAULT now()
);
