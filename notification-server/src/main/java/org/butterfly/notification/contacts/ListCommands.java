package org.butterfly.notification.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.butterfly.directory.account.AccountNotFoundException;
import org.butterfly.directory.contacts.ContactAdded;
import org.butterfly.directory.contacts.GroupAdded;
import org.butterfly.directory.contacts.ListEffect;
import org.butterfly.directory.contacts.ListException;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.contacts.ListUpdate;
import org.butterfly.directory.contacts.PropertySet;
import org.butterfly.directory.contacts.SynSnapshot;
import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.command.Refusals;
import org.butterfly.notification.presence.PresenceService;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.command.ClientCommands.Add;
import org.butterfly.protocol.command.ClientCommands.Adg;
import org.butterfly.protocol.command.ClientCommands.Blp;
import org.butterfly.protocol.command.ClientCommands.Gtc;
import org.butterfly.protocol.command.ClientCommands.Lsg;
import org.butterfly.protocol.command.ClientCommands.Lst;
import org.butterfly.protocol.command.ClientCommands.Prp;
import org.butterfly.protocol.command.ClientCommands.Rea;
import org.butterfly.protocol.command.ClientCommands.Reg;
import org.butterfly.protocol.command.ClientCommands.Rem;
import org.butterfly.protocol.command.ClientCommands.Rmg;
import org.butterfly.protocol.command.ClientCommands.Syn;
import org.butterfly.protocol.command.NotificationCommand;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.vocab.Handles;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.server.TokenBucket;

/**
 * The list commands (msnp.md §7, §9, §10, §11.1): {@code SYN LST GTC BLP ADD REM REA PRP}
 * and the MSNP7 group commands. The directory decides and commits; these handlers turn
 * its result into the reply and its effects into lines for the other accounts, and
 * refusals into error codes or closes.
 */
public final class ListCommands implements NotificationCommands {

	private final ListService lists;

	private final EffectPublisher effects;

	private final PresenceService presence;

	private final Refusals refusals;

	private final Supplier<TokenBucket> renames;

	/**
	 * @param renames makes each session's {@code REA} rate limit (msnp.md §9.3: a sixth
	 * quick rename gets {@code 800})
	 */
	public ListCommands(ListService lists, EffectPublisher effects, PresenceService presence, Refusals refusals,
			Supplier<TokenBucket> renames) {
		this.lists = lists;
		this.effects = effects;
		this.presence = presence;
		this.refusals = refusals;
		this.renames = renames;
	}

	@Override
	public List<CommandHandler<NotificationSession, ?>> handlers() {
		return List.of(guarded(Syn.class, Syn::trId, this::syn), guarded(Lst.class, Lst::trId, this::lst),
				guarded(Gtc.class, Gtc::trId, this::gtc), guarded(Blp.class, Blp::trId, this::blp),
				guarded(Add.class, Add::trId, this::add), guarded(Rem.class, Rem::trId, this::rem),
				guarded(Rea.class, Rea::trId, this::rea), guarded(Prp.class, Prp::trId, this::prp),
				guarded(Lsg.class, Lsg::trId, this::lsg), guarded(Adg.class, Adg::trId, this::adg),
				guarded(Rmg.class, Rmg::trId, this::rmg), guarded(Reg.class, Reg::trId, this::reg));
	}

	void syn(NotificationSession session, Syn command) {
		SynSnapshot snapshot = this.lists.snapshot(session.handle());
		session.synDone(true);
		if (command.version() == snapshot.version()) {
			session.send(Replies.syn(command.trId(), snapshot.version()));
		}
		else {
			session.send(SynLines.fullDump(command.trId(), session.dialect(), snapshot));
		}
	}

	void lst(NotificationSession session, Lst command) {
		SynSnapshot snapshot = this.lists.snapshot(session.handle());
		session.send(SynLines.list(command.trId(), session.dialect(), snapshot, command.list(), false));
	}

	void lsg(NotificationSession session, Lsg command) {
		session.send(SynLines.groups(command.trId(), this.lists.snapshot(session.handle())));
	}

	void gtc(NotificationSession session, Gtc command) {
		ListUpdate update = this.lists.setPromptMode(session.handle(),
				org.butterfly.directory.contacts.Gtc.fromToken(command.value()));
		session.send(Replies.gtc(command.trId(), update.version(), command.value()));
	}

	void blp(NotificationSession session, Blp command) {
		ListUpdate update = this.lists.setPrivacyMode(session.handle(),
				org.butterfly.directory.privacy.Blp.fromToken(command.value()));
		session.send(Replies.blp(command.trId(), update.version(), command.value()));
		this.effects.publish(update.effects());
	}

	void add(NotificationSession session, Add command) {
		org.butterfly.directory.contacts.ListType list = SynLines.directoryList(command.list());
		ContactAdded added = command.groupId().isPresent()
				? this.lists.add(session.handle(), list, command.handle(), command.customName(),
						command.groupId().getAsInt())
				: this.lists.add(session.handle(), list, command.handle(), command.customName());
		String contact = Handles.normalize(command.handle());
		List<Frame> lines = new ArrayList<>();
		lines.add(Replies.add(command.trId(), command.list(), added.version(), contact, command.customName(),
				command.groupId().isPresent() ? command.groupId().getAsInt() : null));
		added.newContact().ifPresent((newContact) -> {
			// BPR after ADD FL only for MSNP5+ sessions that did SYN (§9.1, §7.4).
			if (session.dialect().hasPhoneProperties() && session.synDone()) {
				lines.addAll(SynLines.phones(added.version(), contact, newContact.phones()));
			}
			this.presence.presenceOfNewContact(session, command.trId(), contact, newContact.allowsYou())
				.ifPresent(lines::add);
		});
		session.send(lines);
		publish(command.list(), added.effects());
	}

	void rem(NotificationSession session, Rem command) {
		org.butterfly.directory.contacts.ListType list = SynLines.directoryList(command.list());
		ListUpdate update = command.groupId().isPresent()
				? this.lists.remove(session.handle(), list, command.handle(), command.groupId().getAsInt())
				: this.lists.remove(session.handle(), list, command.handle());
		String contact = Handles.normalize(command.handle());
		if (command.list() == ListType.FL && command.groupId().isEmpty()) {
			// The remover hears nothing more about the contact (§9.2).
			session.shownOnline().remove(contact);
		}
		session.send(Replies.rem(command.trId(), command.list(), update.version(), contact,
				command.groupId().isPresent() ? command.groupId().getAsInt() : null));
		publish(command.list(), update.effects());
	}

	private void publish(ListType list, List<ListEffect> effects) {
		if (list == ListType.FL) {
			this.effects.publish(effects);
		}
		else {
			this.effects.publishStandingChange(effects);
		}
	}

	void rea(NotificationSession session, Rea command) {
		if (!session.renames(this.renames).tryTake()) {
			session.send(Replies.error(ErrorCode.RATE_LIMITED, command.trId()));
			return;
		}
		ListUpdate update = this.lists.rename(session.handle(), command.handle(), command.newName());
		String target = Handles.normalize(command.handle());
		if (target.equals(session.handle())) {
			// Watchers that see the user get an NLN with the new name (§9.3).
			this.presence.update(session, session.presence().withFriendlyName(command.newName()));
		}
		session.send(Replies.rea(command.trId(), update.version(), target, command.newName()));
		this.effects.publish(update.effects());
	}

	void prp(NotificationSession session, Prp command) {
		PropertySet set = this.lists.setProperty(session.handle(), command.key(), command.value());
		session.send(Replies.prp(command.trId(), set.version(), set.key().name(), set.value().orElse(null)));
		this.effects.publish(set.effects());
	}

	void adg(NotificationSession session, Adg command) {
		GroupAdded added = this.lists.addGroup(session.handle(), command.name());
		session.send(Replies.adg(command.trId(), added.version(), command.name(), added.groupId()));
	}

	void rmg(NotificationSession session, Rmg command) {
		ListUpdate update = this.lists.removeGroup(session.handle(), command.groupId());
		session.send(Replies.rmg(command.trId(), update.version(), command.groupId()));
	}

	void reg(NotificationSession session, Reg command) {
		ListUpdate update = this.lists.renameGroup(session.handle(), command.groupId(), command.name());
		session.send(Replies.reg(command.trId(), update.version(), command.groupId(), command.name()));
	}

	/**
	 * A handler whose directory refusals become the reply the spec wants, and whose
	 * account vanishing (deleted by an operator) closes the connection.
	 */
	private <C extends NotificationCommand> CommandHandler<NotificationSession, C> guarded(Class<C> type,
			Function<C, String> trId, BiConsumer<NotificationSession, C> body) {
		return NotificationCommands.handler(type, (session, command) -> {
			try {
				body.accept(session, command);
			}
			catch (ListException refused) {
				this.refusals.refuse(session, trId.apply(command), refused);
			}
			catch (AccountNotFoundException gone) {
				this.refusals.close(session, "account no longer exists");
			}
		});
	}

}
