package org.butterfly.directory.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.butterfly.directory.paging.PageState;

/**
 * One page in the outbox. State changes go through conditional updates, never through
 * this object.
 */
@Entity
@Table(name = "page_outbox")
public class PageEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "sender_id")
	private long senderId;

	@Column(name = "target_id")
	private long targetId;

	@Column(name = "mobile_number")
	private String mobileNumber;

	@Column(name = "callback_number")
	private String callbackNumber;

	private String message;

	@Enumerated(EnumType.STRING)
	private PageState state = PageState.PENDING;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "sent_at")
	private Instant sentAt;

	protected PageEntity() {
	}

	public PageEntity(long senderId, long targetId, String mobileNumber, String callbackNumber, String message,
			Instant createdAt) {
		this.senderId = senderId;
		this.targetId = targetId;
		this.mobileNumber = mobileNumber;
		this.callbackNumber = callbackNumber;
		this.message = message;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public long getSenderId() {
		return this.senderId;
	}

	public long getTargetId() {
		return this.targetId;
	}

	public String getMobileNumber() {
		return this.mobileNumber;
	}

	public String getCallbackNumber() {
		return this.callbackNumber;
	}

	public String getMessage() {
		return this.message;
	}

	public PageState getState() {
		return this.state;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

}
