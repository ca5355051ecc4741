#!/usr/bin/env perl
# Prints the Joining_Type table of policy/.../JoiningType.java from the Unicode Character Database
# that ships with Perl (Unicode::UCD): the ranges whose Joining_Type differs from the default that
# ArabicShaping.txt states (T for General_Category Mn, Me and Cf, U for every other code point).
# RFC 5892 Appendix A.1 (ZERO WIDTH NON-JOINER) reads Joining_Type; the JDK has no such property.
#
#   perl tools/idna/joining-types.pl      # then paste the printed lines into JoiningType.TABLE
use strict;
use warnings;
use Unicode::UCD qw(prop_invmap);

# prop_invmap gives some values by their long names.
my %short = (Non_Joining => 'U', Transparent => 'T', Dual_Joining => 'D', Left_Joining => 'L',
  Right_Joining => 'R', Join_Causing => 'C');
my ($jt_starts, $jt_values) = prop_invmap('Joining_Type');
my ($gc_starts, $gc_values) = prop_invmap('General_Category');

sub value_at {
  my ($starts, $values, $cp) = @_;
  my ($lo, $hi) = (0, $#$starts);
  while ($lo < $hi) {
    my $mid = int(($lo + $hi + 1) / 2);
    if ($starts->[$mid] <= $cp) { $lo = $mid } else { $hi = $mid - 1 }
  }
  return $values->[$lo];
}

my @ranges;
for my $i (0 .. $#$jt_starts - 1) {
  my $type = $short{$jt_values->[$i]} // $jt_values->[$i];
  die "unexpected Joining_Type value $type" unless $type =~ /^[UTDLRC]$/;
  for my $cp ($jt_starts->[$i] .. $jt_starts->[$i + 1] - 1) {
    my $gc = value_at($gc_starts, $gc_values, $cp);
    my $default = ($gc eq 'Mn' || $gc eq 'Me' || $gc eq 'Cf') ? 'T' : 'U';
    next if $type eq $default;
    if (@ranges && $ranges[-1][2] eq $type && $ranges[-1][1] == $cp - 1) {
      $ranges[-1][1] = $cp;
    } else {
      push @ranges, [$cp, $cp, $type];
    }
  }
}
print "      // Unicode ", Unicode::UCD::UnicodeVersion(), ", ", scalar(@ranges), " ranges\n";
my @items = map { $_->[0] == $_->[1] ? sprintf('%04X%s', $_->[0], $_->[2])
                                     : sprintf('%04X-%04X%s', @$_) } @ranges;
while (my @line = splice(@items, 0, 8)) {
  print '      + "', join(' ', @line), ' "', "\n";
}
