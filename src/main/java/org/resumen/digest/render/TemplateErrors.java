package org.resumen.digest.render;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * Rewrites Thymeleaf's exceptions for the person editing the templates:
 * {@code templates/digest.html line 23: cannot evaluate ${artcle.title}: …; the model has …}.
 */
final class TemplateErrors {
    private static final Pattern LOCATION_SUFFIX = Pattern.compile("\\s*\\(template: .*\\)\\s*$", Pattern.DOTALL);
    private static final Pattern OGNL_FAILURE = Pattern.compile("Exception evaluating OGNL expression: \"(.*)\"",
            Pattern.DOTALL);

    private TemplateErrors() {
    }

    static TemplateException translate(Path folder, String templateFile, RuntimeException error) {
        if (error instanceof TemplateException known) {
            return new TemplateException(folder.resolve(templateFile) + ": " + known.getMessage(), known);
        }
        if (!(error instanceof TemplateProcessingException engineError)) {
            return new TemplateException(folder.resolve(templateFile) + ": " + describe(error), error);
        }
        String where = folder.resolve(fileOf(engineError, templateFile)).toString();
        if (engineError.getLine() != null) {
            where += " line " + engineError.getLine();
        }
        return new TemplateException(where + ": " + reason(engineError), error);
    }

    // Thymeleaf names the template as it was asked for ("digest.html"), or by its full path when the
    // file could not be opened; either way the user should see the folder as configured.
    private static String fileOf(TemplateProcessingException error, String templateFile) {
        String name = error.getTemplateName();
        return name == null || name.contains("/") || name.contains("\\") ? templateFile : name;
    }

    private static String reason(TemplateProcessingException error) {
        TemplateException ours = findOurs(error);
        if (ours != null) {
            return ours.getMessage();
        }
        String message = LOCATION_SUFFIX.matcher(String.valueOf(error.getMessage())).replaceFirst("");
        Matcher ognl = OGNL_FAILURE.matcher(message);
        Throwable root = rootCause(error);
        String detail = root == error ? "" : " (" + describe(root) + ")";
        if (ognl.matches()) {
            return "cannot evaluate ${" + ognl.group(1) + "}" + detail
                    + "; a variable or property name is wrong or empty. The model has: " + DigestModel.VARIABLES;
        }
        return message + detail;
    }

    private static TemplateException findOurs(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TemplateException ours) {
                return ours;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
