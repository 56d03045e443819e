package org.butterfly.admin.lists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An account's contact lists, changed with the protocol's rules. */
@RestController
@RequestMapping("/api/v1/accounts/{email}/lists")
@Tag(name = "lists")
public class ListController {

	private static final String ERRORS = " Refusals carry the MSNP code in msnpError: 201 (malformed contact, or "
			+ "oneself on the FL) -> 400; 205 (no such account) -> 404; 215 (already there), 219 (on the opposite "
			+ "list), 210 (list full) -> 409; 216 (not on the list) -> 404; a protocol violation (RL, a name over "
			+ "387 bytes encoded) -> 400 without msnpError.";

	private final ListAdmin lists;

	public ListController(ListAdmin lists) {
		this.lists = lists;
	}

	@GetMapping
	@Operation(summary = "The account's lists, version, BLP, GTC, phones and groups; 404 for an unknown account")
	public ListsView view(@PathVariable String email) {
		return this.lists.view(email);
	}

	@PutMapping("/{list}/{contact}")
	@Operation(summary = "Adds the contact to FL, AL or BL, exactly like the protocol's ADD",
			description = "200 with the owner's new list version. The owner's session receives ADD 0 list version "
					+ "contact name; a new FL entry also gives the contact ADD 0 RL and the owner the contact's "
					+ "phones and presence." + ERRORS)
	public ListChange add(@PathVariable String email, @PathVariable String list, @PathVariable String contact,
			@RequestBody(required = false) ListChange.Request body) {
		return this.lists.add(email, list, contact, (body != null) ? body.friendlyName() : null);
	}

	@DeleteMapping("/{list}/{contact}")
	@Operation(summary = "Removes the contact from FL, AL or BL, exactly like the protocol's REM",
			description = "200 with the owner's new list version. The owner's session receives REM 0; removing "
					+ "from the FL gives the contact REM 0 RL." + ERRORS)
	public ListChange remove(@PathVariable String email, @PathVariable String list, @PathVariable String contact) {
		return this.lists.remove(email, list, contact);
	}

}
