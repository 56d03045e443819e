package org.butterfly.notification.negotiation;

import java.util.List;

import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.command.ClientCommands.Cvr;
import org.butterfly.protocol.command.ClientCommands.Inf;
import org.butterfly.protocol.command.ClientCommands.Out;
import org.butterfly.protocol.command.ClientCommands.Png;
import org.butterfly.protocol.command.ClientCommands.Ver;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.VersionNegotiation;

/**
 * {@code VER}, {@code INF}, {@code CVR}, {@code PNG} and {@code OUT} (msnp.md §3, §13.1,
 * §13.2).
 */
public final class NegotiationCommands implements NotificationCommands {

	private final Disconnector disconnector;

	private final String downloadUrl;

	private final String infoUrl;

	/**
	 * @param downloadUrl the download page the {@code CVR} reply names
	 * @param infoUrl the information page the {@code CVR} reply names
	 */
	public NegotiationCommands(Disconnector disconnector, String downloadUrl, String infoUrl) {
		this.disconnector = disconnector;
		this.downloadUrl = downloadUrl;
		this.infoUrl = infoUrl;
	}

	@Override
	public List<CommandHandler<NotificationSession, ?>> handlers() {
		return List.of(NotificationCommands.handler(Ver.class, this::ver),
				NotificationCommands.handler(Inf.class, (session, inf) -> session.send(Replies.inf(inf.trId()))),
				NotificationCommands.handler(Cvr.class, this::cvr),
				NotificationCommands.handler(Png.class, (session, png) -> session.send(Replies.QNG)),
				NotificationCommands.handler(Out.class, this::out));
	}

	void ver(NotificationSession session, Ver command) {
		VersionNegotiation negotiation = VersionNegotiation.negotiate(command.dialects());
		if (negotiation.failed()) {
			this.disconnector.close(session.channel(), CloseReason.of(CloseReason.Kind.REFUSED, "no common dialect"),
					Replies.ver(command.trId(), negotiation));
			return;
		}
		// With CVR0 alone the session stays before VER: the client's CVQ then closes it.
		negotiation.dialect().ifPresent(session::negotiated);
		session.send(Replies.ver(command.trId(), negotiation));
	}

	void cvr(NotificationSession session, Cvr command) {
		// The client's own version is recommended and minimum: no upgrade dialog
		// ([POLICY]
		// §3.3).
		String version = command.clientVersion();
		session.send(Replies.versionCheck("CVR", command.trId(), version, version, this.downloadUrl, this.infoUrl));
	}

	void out(NotificationSession session, Out command) {
		this.disconnector.close(session.channel(), CloseReason.of(CloseReason.Kind.CLIENT_QUIT, "OUT"), Replies.OUT);
	}

}
