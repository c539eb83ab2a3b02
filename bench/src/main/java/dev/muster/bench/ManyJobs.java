package dev.muster.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the jobs table with finished jobs in one SQL statement: spread over a week, ten pools, a few label sets and
 * submitters, mostly succeeded. Only finished jobs, so nothing is dispatched and the figures measure the console.
 */
final class ManyJobs {

    private ManyJobs() {
    }

    static void insert(Connection db, int count) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.executeUpdate("""
                    insert into jobs (id, kind, command, env_json, pool, labels, priority, timeout_seconds, state,
                                      exit_code, attempt_count, submitted_at, started_at, finished_at, max_attempts,
                                      retry_backoff_seconds, retry_exit_codes, reason, submitter)
                    select gen_random_uuid()::text, 'shell',
                           'make test MODULE=module-' || (i % 500) || ' RUN=' || i, '{}',
                           'pool-' || (i % 10),
                           (array['', 'linux', 'gpu,linux', 'java,linux'])[1 + i % 4],
                           i % 10, 600,
                           (array['SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED','FAILED',
                                  'CANCELLED','TIMED_OUT','SUCCEEDED'])[1 + i % 10],
                           case when i % 10 = 6 then 1 else 0 end, 1,
                           now() - (i * interval '6 seconds') - interval '2 minutes',
                           now() - (i * interval '6 seconds') - interval '110 seconds',
                           now() - (i * interval '6 seconds') - interval '100 seconds',
                           3, 5, '',
                           case when i % 10 = 6 then 'exit-code' when i % 10 = 7 then 'cancelled'
                                when i % 10 = 8 then 'timeout' end,
                           (array['alice', 'bob', 'ci', null])[1 + i % 4]
                    from generate_series(1, :count) as i
                    """.replace(":count", Integer.toString(count)));
            sql.execute("analyze jobs");
        }
    }
}
