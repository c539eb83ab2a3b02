package dev.muster.worker.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --expires-in} values such as {@code 30d}, {@code 12h}, {@code 90m} or {@code 45s} to seconds. */
final class ExpiresIn implements ITypeConverter<Long> {

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,6})([dhms])");

    @Override
    public Long convert(String value) {
        Matcher matcher = FORMAT.matcher(value.strip());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration like 30d, 12h, 90m or 45s");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "d" -> amount * 86_400;
            case "h" -> amount * 3_600;
            case "m" -> amount * 60;
            default -> amount;
        };
    }
}
