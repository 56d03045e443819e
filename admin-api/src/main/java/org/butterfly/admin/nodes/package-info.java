/**
 * The cluster's live nodes and their load, read from the cluster's node registry.
 */
package org.butterfly.admin.nodes;
