package org.butterfly.admin.accounts;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.butterfly.directory.account.Account;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Accounts: create, look up, search, change and delete. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "accounts")
public class AccountController {

	private final AccountAdmin accounts;

	public AccountController(AccountAdmin accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	@Operation(summary = "Creates an account",
			description = "201 with the account and its Location; 400 naming the field for an invalid e-mail "
					+ "address (msnp.md 2.5), an empty or over-long password (72 bytes) or friendly name "
					+ "(387 bytes URL-encoded); 409 when the e-mail address exists (in any case).")
	public ResponseEntity<AccountView> create(@Valid @RequestBody AccountRequests.Create request,
			UriComponentsBuilder uri) {
		Account account = this.accounts.create(request);
		URI location = uri.path("/api/v1/accounts/{email}").buildAndExpand(account.email()).toUri();
		return ResponseEntity.created(location).body(AccountView.of(account));
	}

	@GetMapping
	@Operation(summary = "Accounts whose e-mail address contains q, ordered by e-mail; size 1-100")
	public AccountView.Page search(@RequestParam(defaultValue = "") @Size(max = 129) String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return AccountView.Page.of(this.accounts.search(q, page, size));
	}

	@GetMapping("/{email}")
	@Operation(summary = "One account; 404 when it does not exist")
	public AccountView find(@PathVariable String email) {
		return AccountView.of(this.accounts.find(email));
	}

	@PatchMapping("/{email}")
	@Operation(summary = "Changes the friendly name, password, profile, BLP or GTC",
			description = "A new friendly name, BLP or GTC moves the list version once; watchers are re-evaluated "
					+ "on their nodes. 400 for invalid fields, 404 for an unknown account.")
	public AccountView update(@PathVariable String email, @Valid @RequestBody AccountRequests.Update request) {
		return AccountView.of(this.accounts.update(email, request));
	}

	@DeleteMapping("/{email}")
	@Operation(summary = "Deletes the account",
			description = "204. The user's session is signed out with OUT; every account that listed the user "
					+ "loses the entry (REM 0 with its new list version) and its watchers see it go offline. "
					+ "404 for an unknown account.")
	public ResponseEntity<Void> delete(@PathVariable String email) {
		this.accounts.delete(email);
		return ResponseEntity.noContent().build();
	}

}
