package org.butterfly.directory.internal;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One group of one account (MSNP7, msnp.md 10.1). */
@Entity
@Table(name = "contact_group")
@IdClass(GroupEntity.Key.class)
public class GroupEntity {

	@Id
	@Column(name = "owner_id")
	private long ownerId;

	@Id
	@Column(name = "group_id")
	private int groupId;

	private String name;

	protected GroupEntity() {
	}

	public GroupEntity(long ownerId, int groupId, String name) {
		this.ownerId = ownerId;
		this.groupId = groupId;
		this.name = name;
	}

	public long getOwnerId() {
		return this.ownerId;
	}

	public int getGroupId() {
		return this.groupId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	/**
	 * The primary key.
	 *
	 * @param ownerId the account
	 * @param groupId the group id, 0..29
	 */
	public record Key(long ownerId, int groupId) implements Serializable {
	}

}
