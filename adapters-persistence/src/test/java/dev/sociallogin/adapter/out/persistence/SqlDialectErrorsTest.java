package dev.sociallogin.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.SQLErrorCodes;
import org.springframework.jdbc.support.SQLErrorCodesFactory;

class SqlDialectErrorsTest {

    @Test
    void h2CodesAreSpringsOwn() {
        assertSameCodes(SqlDialectErrors.h2(), SQLErrorCodesFactory.getInstance().getErrorCodes("H2"));
    }

    @Test
    void mySqlAndMariaDbCodesAreSpringsOwn() {
        assertSameCodes(SqlDialectErrors.mySql(), SQLErrorCodesFactory.getInstance().getErrorCodes("MySQL"));
        assertSameCodes(SqlDialectErrors.mySql(), SQLErrorCodesFactory.getInstance().getErrorCodes("MariaDB"));
    }

    @Test
    void translatesWhatTheStoresActOn() {
        assertThat(SqlDialectErrors.translator(true).translate("register", "INSERT", new SQLException("dup", "23505", 23505)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(SqlDialectErrors.translator(true).translate("rotate", "UPDATE", new SQLException("lock", "HYT00", 50200)))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(SqlDialectErrors.translator(false).translate("register", "INSERT", new SQLException("dup", "23000", 1062)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(SqlDialectErrors.translator(false).translate("rotate", "UPDATE", new SQLException("deadlock", "40001", 1213)))
                .isInstanceOf(DeadlockLoserDataAccessException.class);
        assertThat(SqlDialectErrors.translator(false).translate("rotate", "UPDATE", new SQLException("wait", "HY000", 1205)))
                .isInstanceOf(CannotAcquireLockException.class);
    }

    private static void assertSameCodes(SQLErrorCodes ours, SQLErrorCodes spring) {
        assertThat(spring.getBadSqlGrammarCodes()).isNotEmpty(); // Spring's file was found and read
        assertThat(ours.getBadSqlGrammarCodes()).containsExactly(spring.getBadSqlGrammarCodes());
        assertThat(ours.getDuplicateKeyCodes()).containsExactly(spring.getDuplicateKeyCodes());
        assertThat(ours.getDataIntegrityViolationCodes()).containsExactly(spring.getDataIntegrityViolationCodes());
        assertThat(ours.getDataAccessResourceFailureCodes()).containsExactly(spring.getDataAccessResourceFailureCodes());
        assertThat(ours.getTransientDataAccessResourceCodes()).containsExactly(spring.getTransientDataAccessResourceCodes());
        assertThat(ours.getCannotAcquireLockCodes()).containsExactly(spring.getCannotAcquireLockCodes());
        assertThat(ours.getDeadlockLoserCodes()).containsExactly(spring.getDeadlockLoserCodes());
        assertThat(ours.getCannotSerializeTransactionCodes()).containsExactly(spring.getCannotSerializeTransactionCodes());
        assertThat(ours.getPermissionDeniedCodes()).containsExactly(spring.getPermissionDeniedCodes());
        assertThat(ours.getInvalidResultSetAccessCodes()).containsExactly(spring.getInvalidResultSetAccessCodes());
        assertThat(ours.isUseSqlStateForTranslation()).isEqualTo(spring.isUseSqlStateForTranslation());
    }
}
