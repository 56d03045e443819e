/**
 * The cluster's public API (ARCHITECTURE §5, docs/adr/0500-0502): who is online where
 * ({@link org.butterfly.cluster.SessionDirectory}), which nodes are alive
 * ({@link org.butterfly.cluster.NodeRegistry},
 * {@link org.butterfly.cluster.NodeMembership}), and the events nodes send each other
 * ({@link org.butterfly.cluster.ClusterEvent} over a
 * {@link org.butterfly.cluster.ClusterBus}, routed by account with
 * {@link org.butterfly.cluster.EventRouter}).
 * <p>
 * An application imports {@link org.butterfly.cluster.config.ClusterConfiguration} and
 * gets the three beans for {@code butterfly.cluster.mode} ({@code local} or
 * {@code postgres}). For example, the admin API lists sessions with
 * {@code SessionDirectory.online()}, kicks with
 * {@code router.deliver(new ClusterEvent.Kick(handle))}, sends the maintenance message
 * with {@code router.broadcast(new ClusterEvent.SystemMessage(minutes))}, and pushes an
 * alert by queueing it with the directory's {@code NotificationService.enqueue} and then
 * {@code router.deliver(new ClusterEvent.NotificationPushed(handle, id))}. A switchboard
 * rings a callee by sending a {@code ClusterEvent.Ring} to the callee's node, which
 * answers with a {@code ClusterEvent.RingAnswered} sent to the switchboard's node.
 */
package org.butterfly.cluster;
