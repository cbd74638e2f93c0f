package dev.sociallogin.adapter.out.persistence;

import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLErrorCodes;

/**
 * Spring's error-code translation for the two databases we run on, with the codes of Spring's own
 * {@code sql-error-codes.xml} for them written out here. Spring would otherwise parse that XML file
 * (a DOM parser and a bean factory of its own, a tenth of the embedded start-up's CPU) to find the
 * same lists. What the stores act on: duplicate keys (registration, denylist) and lost lock races
 * (retried); every other failure is STORAGE_UNAVAILABLE whatever its subtype.
 */
final class SqlDialectErrors {

    private SqlDialectErrors() {
    }

    static SQLErrorCodeSQLExceptionTranslator translator(boolean h2) {
        return new SQLErrorCodeSQLExceptionTranslator(h2 ? h2() : mySql());
    }

    static SQLErrorCodes h2() {
        SQLErrorCodes codes = new SQLErrorCodes();
        codes.setDatabaseProductName("H2");
        codes.setBadSqlGrammarCodes("42000", "42001", "42101", "42102", "42111", "42112", "42121", "42122", "42132");
        codes.setDuplicateKeyCodes("23001", "23505");
        codes.setDataIntegrityViolationCodes("22001", "22003", "22012", "22018", "22025", "23000", "23002", "23003",
                "23502", "23503", "23506", "23507", "23513");
        codes.setDataAccessResourceFailureCodes("90046", "90100", "90117", "90121", "90126");
        codes.setCannotAcquireLockCodes("50200");
        return codes;
    }

    /** MySQL and MariaDB share their error codes. */
    static SQLErrorCodes mySql() {
        SQLErrorCodes codes = new SQLErrorCodes();
        codes.setDatabaseProductNames("MySQL", "MariaDB");
        codes.setBadSqlGrammarCodes("1054", "1064", "1146");
        codes.setDuplicateKeyCodes("1062");
        codes.setDataIntegrityViolationCodes("630", "839", "840", "893", "1169", "1215", "1216", "1217", "1364", "1451",
                "1452", "1557");
        codes.setDataAccessResourceFailureCodes("1");
        codes.setCannotAcquireLockCodes("1205", "3572");
        codes.setDeadlockLoserCodes("149", "1213");
        return codes;
    }
}
