package org.butterfly.notification.contacts;

import java.util.EnumSet;
import java.util.List;

import org.butterfly.directory.contacts.ListEffect;
import org.butterfly.directory.contacts.PhoneKey;
import org.butterfly.notification.presence.PresenceService;
import org.butterfly.notification.session.SessionEventReceiver;
import org.butterfly.notification.session.SessionRegistry;

/**
 * Tells other accounts' live sessions what a committed list command changed for them
 * (msnp.md §9.5, §11.1, §8.4): list and phone changes travel as they are, presence checks
 * are resolved against the owner's live presence first. Thread-safe.
 */
public final class EffectPublisher {

	private final SessionRegistry sessions;

	private final PresenceService presence;

	public EffectPublisher(SessionRegistry sessions, PresenceService presence) {
		this.sessions = sessions;
		this.presence = presence;
	}

	/**
	 * Publishes the effects of a command; a {@code PRP} tells watchers only the changed
	 * keys.
	 */
	public void publish(List<ListEffect> effects) {
		for (ListEffect effect : effects) {
			if (effect instanceof ListEffect.PresenceCheck check) {
				this.presence.recheck(check);
			}
			else {
				this.sessions.deliver(SessionEventReceiver.eventOf(effect));
			}
		}
	}

	/**
	 * Publishes the effects of an AL or BL change: a watcher whose view of the owner's
	 * phones changed gets all four {@code BPR} lines (msnp.md §11.2).
	 */
	public void publishStandingChange(List<ListEffect> effects) {
		publish(effects.stream().map(EffectPublisher::withAllPhoneKeys).toList());
	}

	private static ListEffect withAllPhoneKeys(ListEffect effect) {
		if (effect instanceof ListEffect.PhonesChanged phones) {
			return new ListEffect.PhonesChanged(phones.account(), phones.version(), phones.owner(), phones.view(),
					EnumSet.of(PhoneKey.PHH, PhoneKey.PHW, PhoneKey.PHM, PhoneKey.MOB));
		}
		return effect;
	}

}
