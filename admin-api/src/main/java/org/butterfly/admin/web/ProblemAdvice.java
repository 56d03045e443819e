package org.butterfly.admin.web;

import java.util.List;
import java.util.Map;

import org.butterfly.directory.account.AccountExistsException;
import org.butterfly.directory.account.AccountNotFoundException;
import org.butterfly.directory.contacts.ListError;
import org.butterfly.directory.contacts.ListException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as an RFC 9457 {@link ProblemDetail}. Field errors carry {@code errors:
 * [{field, message}]}; list refusals carry the MSNP error code ({@code msnpError}) the
 * protocol would have answered with.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidField(InvalidFieldException ex) {
		return fieldProblem(List.of(new FieldProblem(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler
	ProblemDetail refused(ApiException ex) {
		return ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail accountExists(AccountExistsException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "An account " + ex.email() + " exists already");
	}

	@ExceptionHandler
	ProblemDetail accountNotFound(AccountNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No account " + ex.email());
	}

	@ExceptionHandler
	ProblemDetail listRefused(ListException ex) {
		ListError error = ex.error();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ListErrors.status(error), ListErrors.describe(error));
		if (!error.closesConnection()) {
			problem.setProperty("msnpError", error.code());
		}
		problem.setProperty("reason", error.name());
		return problem;
	}

	/** The directory's own checks, which the request validation normally forestalls. */
	@ExceptionHandler
	ProblemDetail refusedByTheDirectory(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), message(error)))
			.toList();
		return ResponseEntity.badRequest().body(fieldProblem(fields));
	}

	private static String message(FieldError error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	private static ProblemDetail fieldProblem(List<FieldProblem> fields) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid request: " + String.join(", ", fields.stream().map(FieldProblem::field).toList()));
		problem.setProperty("errors",
				fields.stream().map((field) -> Map.of("field", field.field(), "message", field.message())).toList());
		return problem;
	}

	private record FieldProblem(String field, String message) {
	}

}
