package org.butterfly.admin.config;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through only with {@code Authorization: Bearer <admin token>}. The
 * health probes and the API's own description are open: they carry no account data, and
 * probes and browsers cannot send the token. So are the operator console's static files
 * unless configured otherwise: the page asks for the token and sends it with each API
 * call. A refusal says nothing but 401.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private static final String REFUSAL = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
			+ "\"detail\":\"A valid bearer token is required\"}";

	private static final Pattern CONSOLE_FILE = Pattern
		.compile(Pattern.quote(ConsoleConfiguration.PATH) + "(/|/[A-Za-z0-9_-][A-Za-z0-9_.-]*)?");

	private final AdminToken token;

	private final boolean publicConsole;

	private final boolean publicApiDocs;

	/**
	 * @param token the token to require
	 * @param publicConsole whether the console's static files need no token
	 * @param publicApiDocs whether the OpenAPI document and Swagger UI need no token
	 */
	public BearerTokenFilter(AdminToken token, boolean publicConsole, boolean publicApiDocs) {
		this.token = token;
		this.publicConsole = publicConsole;
		this.publicApiDocs = publicApiDocs;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (isHealth(path) || (this.publicApiDocs && isApiDocs(path)) || (this.publicConsole && isConsole(path))
				|| this.token.matches(presented(request))) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(REFUSAL);
	}

	static boolean isHealth(String path) {
		return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
	}

	static boolean isApiDocs(String path) {
		return path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/") || path.startsWith("/swagger-ui");
	}

	/**
	 * The console's files: one flat directory. Anything with {@code ..}, an encoded
	 * character or a path parameter is not one of them, so no spelling of an API path can
	 * pass as a console file.
	 */
	static boolean isConsole(String path) {
		return CONSOLE_FILE.matcher(path).matches() && !path.contains("..");
	}

	private static String presented(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return null;
		}
		return header.substring(PREFIX.length()).strip();
	}

}
