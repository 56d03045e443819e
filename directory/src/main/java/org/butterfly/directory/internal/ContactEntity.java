package org.butterfly.directory.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.butterfly.directory.contacts.ListType;

/**
 * One entry of one list of one account. FL entries carry their groups as a bit set: bit
 * {@code g} set means member of group {@code g} (ids 0..29 fit in 30 bits).
 */
@Entity
@Table(name = "contact")
public class ContactEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "owner_id")
	private long ownerId;

	@Enumerated(EnumType.STRING)
	private ListType list;

	@Column(name = "contact_id")
	private long contactId;

	private String name;

	@Column(name = "group_mask")
	private int groupMask;

	protected ContactEntity() {
	}

	public ContactEntity(long ownerId, ListType list, long contactId, String name, int groupMask) {
		this.ownerId = ownerId;
		this.list = list;
		this.contactId = contactId;
		this.name = name;
		this.groupMask = groupMask;
	}

	public Long getId() {
		return this.id;
	}

	public long getOwnerId() {
		return this.ownerId;
	}

	public ListType getList() {
		return this.list;
	}

	public long getContactId() {
		return this.contactId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public int getGroupMask() {
		return this.groupMask;
	}

	public void setGroupMask(int groupMask) {
		this.groupMask = groupMask;
	}

}
