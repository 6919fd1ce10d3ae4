# Shared delivery rules of the development and test Dovecot (sieve_before): a rep's typical
# rule, "mailing lists go to their folder". Mail of any list at rules.test is filed into
# "Projects", created on first use; everything else goes on to the Inbox.
require ["fileinto", "mailbox"];

if header :contains "List-Id" "rules.test" {
  fileinto :create "Projects";
  stop;
}
