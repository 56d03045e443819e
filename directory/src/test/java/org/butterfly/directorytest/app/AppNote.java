package org.butterfly.directorytest.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An application's own entity, beside the directory's. */
@Entity
@Table(name = "app_note")
public class AppNote {

	@Id
	private long id;

	private String text;

	protected AppNote() {
	}

	public AppNote(long id, String text) {
		this.id = id;
		this.text = text;
	}

	public String getText() {
		return this.text;
	}

}
