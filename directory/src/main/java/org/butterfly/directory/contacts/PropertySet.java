package org.butterfly.directory.contacts;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a committed {@code PRP}.
 *
 * @param version the actor's new list version
 * @param key the property
 * @param value the value as stored, for the echo: empty when unset; {@code MOB} is always
 * {@code Y} or {@code N}
 * @param effects the {@link ListEffect.PhonesChanged} of watchers whose view changed
 */
public record PropertySet(long version, PhoneKey key, Optional<String> value, List<ListEffect> effects) {

	public PropertySet {
		effects = List.copyOf(effects);
	}

}
