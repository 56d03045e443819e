package org.butterfly.switchboard.invite;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.ClusterReceiver;
import org.butterfly.cluster.OnlineSession;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.tickets.ring.Invitation;
import org.butterfly.tickets.ring.RingOutcome;
import org.butterfly.tickets.ring.Ringer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rings callees through the cluster (ARCHITECTURE §5): finds the callee's live session in
 * the {@link SessionDirectory}, sends a {@link ClusterEvent.Ring} to the node holding it
 * and waits for that node's {@link ClusterEvent.RingAnswered}. The callee's node decides,
 * because only it knows the session's {@code IMS} setting and applies the privacy rules
 * at the moment of the ring; this node answers without a round trip when the directory
 * already shows the callee offline or hidden. A ring whose answer does not come in time
 * (the callee signed out meanwhile, its node died) counts as not online.
 * <p>
 * Thread-safe. {@link #ring} blocks for at most the timeout; {@link #receive} is this
 * node's bus subscription and only completes waiting rings.
 */
public final class ClusterRinger implements Ringer, ClusterReceiver {

	private static final Logger logger = LoggerFactory.getLogger(ClusterRinger.class);

	private final String node;

	private final SessionDirectory sessions;

	private final ClusterBus bus;

	private final Duration timeout;

	private final AtomicLong requests = new AtomicLong();

	private final Map<Long, CompletableFuture<ClusterEvent.RingAnswered>> waiting = new ConcurrentHashMap<>();

	/**
	 * @param node this switchboard's node id, which the answers are sent to
	 * @param sessions the cluster's online sessions
	 * @param bus the cluster bus; {@link #receive} must be subscribed for {@code node}
	 * @param timeout how long to wait for the callee's node
	 */
	public ClusterRinger(String node, SessionDirectory sessions, ClusterBus bus, Duration timeout) {
		this.node = node;
		this.sessions = sessions;
		this.bus = bus;
		this.timeout = timeout;
	}

	@Override
	public RingOutcome ring(Invitation invitation) {
		Optional<OnlineSession> callee = this.sessions.find(invitation.callee());
		if (callee.isEmpty() || !Status.valueOf(callee.get().status()).isVisible()) {
			return RingOutcome.notOnline();
		}
		long requestId = this.requests.incrementAndGet();
		CompletableFuture<ClusterEvent.RingAnswered> answer = new CompletableFuture<>();
		this.waiting.put(requestId, answer);
		try {
			this.bus.send(callee.get().node(),
					List.of(new ClusterEvent.Ring(invitation.callee(), invitation.sessionId(),
							invitation.switchboardAddress(), invitation.ticket(), invitation.callerHandle(),
							invitation.callerFriendlyName(), this.node, requestId)));
			return outcome(answer.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			logger.info("No answer from node {} within {} to the ring of {}: taken as not online", callee.get().node(),
					this.timeout, invitation.callee());
			return RingOutcome.notOnline();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return RingOutcome.notOnline();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			this.waiting.remove(requestId);
		}
	}

	@Override
	public void receive(List<ClusterEvent> events) {
		for (ClusterEvent event : events) {
			if (event instanceof ClusterEvent.RingAnswered answered) {
				CompletableFuture<ClusterEvent.RingAnswered> answer = this.waiting.get(answered.requestId());
				if (answer != null) {
					answer.complete(answered);
				}
			}
		}
	}

	/** This switchboard's node id. */
	public String node() {
		return this.node;
	}

	/** How many rings are waiting for an answer. */
	public int waiting() {
		return this.waiting.size();
	}

	private static RingOutcome outcome(ClusterEvent.RingAnswered answered) {
		return switch (RingOutcome.Result.valueOf(answered.outcome())) {
			case DELIVERED -> RingOutcome.delivered(answered.calleeName());
			case NOT_ONLINE -> RingOutcome.notOnline();
			case NOT_ALLOWED -> RingOutcome.notAllowed();
			case IMS_OFF -> RingOutcome.imsOff();
		};
	}

}
