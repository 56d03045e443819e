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

import org.butterfly.directory.notification.NotificationState;

/**
 * One queued {@code NOT} document. State changes go through conditional updates, never
 * through this object.
 */
@Entity
@Table(name = "notification")
public class NotificationEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private long accountId;

	private String payload;

	@Enumerated(EnumType.STRING)
	private NotificationState state = NotificationState.PENDING;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "delivered_at")
	private Instant deliveredAt;

	protected NotificationEntity() {
	}

	public NotificationEntity(long accountId, String payload, Instant createdAt, Instant expiresAt) {
		this.accountId = accountId;
		this.payload = payload;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	public Long getId() {
		return this.id;
	}

	public long getAccountId() {
		return this.accountId;
	}

	public String getPayload() {
		return this.payload;
	}

	public NotificationState getState() {
		return this.state;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public Instant getDeliveredAt() {
		return this.deliveredAt;
	}

}
