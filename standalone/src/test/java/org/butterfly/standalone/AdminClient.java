package org.butterfly.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API over HTTP, with its bearer token, as an operator calls it. */
final class AdminClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String token;

	AdminClient(String base, String token) {
		this.base = base;
		this.token = token;
	}

	void createAccount(String email, String friendlyName, String password) throws Exception {
		send("POST", "/api/v1/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + password
				+ "\",\"friendlyName\":\"" + friendlyName + "\"}", 201);
	}

	void addToList(String owner, String list, String contact) throws Exception {
		send("PUT", "/api/v1/accounts/" + owner + "/lists/" + list + "/" + contact, "{}", 200);
	}

	/**
	 * Sends a request and checks its status.
	 * @return the response's JSON, {@code null} if it has no body
	 */
	JsonNode send(String method, String path, String body, int status) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + this.token)
			.timeout(Duration.ofSeconds(10));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
		return response.body().isEmpty() ? null : json.readTree(response.body());
	}

}
