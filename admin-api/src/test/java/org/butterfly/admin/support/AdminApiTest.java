package org.butterfly.admin.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.butterfly.admin.AdminApiApplication;
import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.testdb.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Base of the web-layer tests: the whole application on a real PostgreSQL (migrated by
 * the application itself, as in local mode), the in-memory cluster, and an
 * {@link EventRecorder} standing in for a notification node. One context for every
 * subclass; tests make their own accounts, so they never see each other's data.
 */
@SpringBootTest(classes = AdminApiApplication.class,
		properties = { "butterfly.admin.token=" + AdminApiTest.TOKEN, "butterfly.directory.bcrypt-strength=4",
				"butterfly.directory.limits.block-list=" + AdminApiTest.BLOCK_LIST_LIMIT })
@AutoConfigureMockMvc
@Import(AdminApiTest.Recording.class)
public abstract class AdminApiTest {

	protected static final String TOKEN = "test-token-0123456789";

	/** Small, so that a test can fill the BL (210). */
	protected static final int BLOCK_LIST_LIMIT = 2;

	private static final TestDatabase database = TestDatabase.create();

	private static final AtomicInteger numbers = new AtomicInteger();

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected AccountService accounts;

	@Autowired
	protected EventRecorder recorder;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	/** A unique e-mail address. */
	protected static String email(String name) {
		return name + "-" + numbers.incrementAndGet() + "@example.com";
	}

	/** Creates an account through the directory. */
	protected String account(String name) {
		String email = email(name);
		this.accounts.create(NewAccount.of(email, "secret"));
		return email;
	}

	protected static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN);
	}

	protected static MockHttpServletRequestBuilder getJson(String uri, Object... variables) {
		return authorized(get(uri, variables));
	}

	protected static MockHttpServletRequestBuilder postJson(String uri, String json, Object... variables) {
		return authorized(post(uri, variables)).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	protected static MockHttpServletRequestBuilder patchJson(String uri, String json, Object... variables) {
		return authorized(patch(uri, variables)).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	protected static MockHttpServletRequestBuilder putJson(String uri, String json, Object... variables) {
		return authorized(put(uri, variables)).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	protected static MockHttpServletRequestBuilder deleteJson(String uri, Object... variables) {
		return authorized(delete(uri, variables));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean(destroyMethod = "close")
		EventRecorder eventRecorder(ClusterBus bus, SessionDirectory sessions) {
			return new EventRecorder(bus, sessions);
		}

	}

}
