package org.butterfly.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.butterfly.directory.WireText;

/**
 * An e-mail address the protocol accepts as a handle (msnp.md §2.5): at most 129 bytes,
 * {@code local@domain} with a dotted domain. {@code null} is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = Handle.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface Handle {

	String message() default "is not an e-mail address of at most 129 bytes with a dotted domain (msnp.md 2.5)";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks with the directory's own rule. */
	class Validator implements ConstraintValidator<Handle, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || WireText.normalizeHandle(value) != null;
		}

	}

}
