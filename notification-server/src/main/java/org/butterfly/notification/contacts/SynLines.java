package org.butterfly.notification.contacts;

import java.util.ArrayList;
import java.util.List;

import org.butterfly.directory.contacts.PhoneKey;
import org.butterfly.directory.contacts.SynSnapshot;
import org.butterfly.directory.privacy.PhoneBook;
import org.butterfly.directory.privacy.PhoneView;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.wire.Frame;

/**
 * The lines of a full {@code SYN}, of {@code LST} and of {@code LSG}, in the layout of
 * each dialect (msnp.md §7.3, §7.5, §10.2): what differs is asked of the {@link Dialect}.
 * Stateless.
 */
public final class SynLines {

	private static final PhoneKey[] BPR_KEYS = { PhoneKey.PHH, PhoneKey.PHW, PhoneKey.PHM, PhoneKey.MOB };

	private SynLines() {
	}

	/** {@code SYN} followed by the complete dump. */
	public static List<Frame> fullDump(String trId, Dialect dialect, SynSnapshot snapshot) {
		long version = snapshot.version();
		List<Frame> lines = new ArrayList<>();
		lines.add(Replies.syn(trId, version));
		lines.add(Replies.gtc(trId, version, snapshot.gtc().name()));
		lines.add(Replies.blp(trId, version, snapshot.blp().name()));
		if (dialect.hasPhoneProperties()) {
			lines.addAll(ownProperties(trId, version, snapshot.properties()));
		}
		if (dialect.hasGroups()) {
			lines.addAll(groups(trId, snapshot));
		}
		for (ListType list : ListType.values()) {
			lines.addAll(list(trId, dialect, snapshot, list, dialect.hasPhoneProperties()));
		}
		return lines;
	}

	/**
	 * The entries of one list, with the four {@code BPR} lines after each FL entry when
	 * {@code withPhones}.
	 */
	public static List<Frame> list(String trId, Dialect dialect, SynSnapshot snapshot, ListType list,
			boolean withPhones) {
		long version = snapshot.version();
		List<Frame> lines = new ArrayList<>();
		if (list == ListType.FL) {
			List<SynSnapshot.ForwardEntry> entries = snapshot.forwardList();
			for (int i = 0; i < entries.size(); i++) {
				SynSnapshot.ForwardEntry entry = entries.get(i);
				lines.add(Replies.lst(trId, dialect, list, version, i + 1, entries.size(), entry.handle(), entry.name(),
						entry.groups()));
				if (withPhones) {
					lines.addAll(phones(version, entry.handle(), entry.phones()));
				}
			}
		}
		else {
			List<SynSnapshot.Entry> entries = snapshot.entries(directoryList(list));
			for (int i = 0; i < entries.size(); i++) {
				SynSnapshot.Entry entry = entries.get(i);
				lines.add(Replies.lst(trId, dialect, list, version, i + 1, entries.size(), entry.handle(), entry.name(),
						null));
			}
		}
		if (lines.isEmpty()) {
			lines.add(Replies.lstEmpty(trId, list, version));
		}
		return lines;
	}

	/** One {@code LSG} line per group, group 0 first (msnp.md §10.2). */
	public static List<Frame> groups(String trId, SynSnapshot snapshot) {
		List<Frame> lines = new ArrayList<>();
		List<SynSnapshot.Group> groups = snapshot.groups();
		for (int i = 0; i < groups.size(); i++) {
			SynSnapshot.Group group = groups.get(i);
			lines.add(Replies.lsg(trId, snapshot.version(), i + 1, groups.size(), group.id(), group.name()));
		}
		return lines;
	}

	/** The four {@code BPR} lines of a contact, PHH, PHW, PHM, MOB (msnp.md §11.2). */
	public static List<Frame> phones(long version, String handle, PhoneView view) {
		List<Frame> lines = new ArrayList<>(4);
		for (PhoneKey key : BPR_KEYS) {
			lines.add(Replies.bpr(version, handle, key.name(), view.value(key)));
		}
		return lines;
	}

	/**
	 * {@code PRP} lines only for the properties that are set ([POLICY — seed] msnp.md
	 * §7.3, docs/adr/0301).
	 */
	private static List<Frame> ownProperties(String trId, long version, PhoneBook phones) {
		List<Frame> lines = new ArrayList<>(5);
		addIfSet(lines, trId, version, "PHH", phones.home());
		addIfSet(lines, trId, version, "PHW", phones.work());
		addIfSet(lines, trId, version, "PHM", phones.mobile());
		addIfSet(lines, trId, version, "MOB", phones.mobilePaging() ? "Y" : null);
		addIfSet(lines, trId, version, "MBE", phones.mobileDevice() ? "Y" : null);
		return lines;
	}

	private static void addIfSet(List<Frame> lines, String trId, long version, String key, String value) {
		if (value != null) {
			lines.add(Replies.prp(trId, version, key, value));
		}
	}

	static org.butterfly.directory.contacts.ListType directoryList(ListType list) {
		return org.butterfly.directory.contacts.ListType.valueOf(list.name());
	}

}
