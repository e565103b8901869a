package cameo

import "strings"

// oldPlover maps event labels of PLOVER releases before 2021 (manual
// drafts 0.5–0.7, used by the PLOVER gold-standard records of 2016) to
// PLOVER 2021 types. The old labels followed the two-digit CAMEO roots; the
// 2021 conversion table regrouped some of them. Each entry names the CAMEO
// root the old label stood for and what the 2021 table does with it.
var oldPlover = map[string]string{
	"AGREE":     "AGREE",     // CAMEO 03; the 2021 table maps all of 03 to AGREE
	"CONSULT":   "CONSULT",   // 04; all of 04 to CONSULT
	"SUPPORT":   "SUPPORT",   // 05; all of 05 to SUPPORT
	"COOPERATE": "COOPERATE", // 06; all of 06 to COOPERATE
	"AID":       "AID",       // 07; all of 07 to AID
	"CONCEDE":   "CONCEDE",   // 081–083 (verbal yielding); the 2021 table keeps them CONCEDE except 0813 and 0814, now RETREAT
	"RETREAT":   "RETREAT",   // 084–087 (material yielding); all RETREAT in 2021

	// INVESTIGATE, CAMEO 09: 2021 has no investigation type; the table
	// maps all of 09 to ACCUSE with mode "investigate". Single
	// counterpart, though "investigate" is no accusation: keep the mode.
	"INVESTIGATE": "ACCUSE",

	// DEMAND, CAMEO 10: renamed REQUEST in 2021; the table maps all of 10
	// to REQUEST (modes assist, change, yield, meet).
	"DEMAND": "REQUEST",

	// DISAPPROVE, CAMEO 11: merged into ACCUSE in 2021; the table maps all
	// of 11 to ACCUSE with mode "disapprove" or "allege".
	"DISAPPROVE": "ACCUSE",

	"REJECT":   "REJECT",   // 12; all of 12 to REJECT
	"THREATEN": "THREATEN", // 13; all of 13 to THREATEN
	"PROTEST":  "PROTEST",  // 14; all of 14 to PROTEST
	"MOBILIZE": "MOBILIZE", // 15; all of 15 to MOBILIZE

	// SANCTION, CAMEO 16: no single 2021 counterpart. The table keeps 16
	// SANCTION except 163 (impose embargo, boycott or sanctions), now
	// COERCE. Closest: SANCTION.
	"SANCTION": "SANCTION",

	// COERCE, CAMEO 17: no single 2021 counterpart. The table keeps 17
	// COERCE except 1712 (destroy property) and 175 (violent repression),
	// now ASSAULT. Closest: COERCE.
	"COERCE": "COERCE",

	"ASSAULT": "ASSAULT", // 18; all of 18 to ASSAULT

	// FIGHT, CAMEO 19 and 20 (conventional military force and mass
	// violence): 2021 has no FIGHT type. The table maps 19 and 20 to
	// ASSAULT, mostly with context "military" or "cbrn", except 191
	// (blockade) and 192 (occupy territory), now COERCE. Closest: ASSAULT.
	"FIGHT": "ASSAULT",

	// CRIME (no CAMEO equivalent) is left out on purpose: 2021 has no
	// crime type ("crime" is a context there) and nothing is close enough,
	// so OldPlover reports false for it.

	// The 2021 types absent from older releases map to themselves.
	"REQUEST": "REQUEST",
	"ACCUSE":  "ACCUSE",
}

// OldPlover returns the PLOVER 2021 event type for label, an event label of
// an older PLOVER release such as those in the PLOVER gold-standard
// records (AGREE, DEMAND, DISAPPROVE, FIGHT, INVESTIGATE, …), and true.
// Labels are matched ignoring case and surrounding space. A 2021 type is
// returned unchanged. It returns "" and false for any other label,
// including the old CRIME, which has no 2021 counterpart.
//
// Old labels and their 2021 types:
//
//	AGREE → AGREE            REJECT → REJECT
//	CONSULT → CONSULT        THREATEN → THREATEN
//	SUPPORT → SUPPORT        PROTEST → PROTEST
//	COOPERATE → COOPERATE    MOBILIZE → MOBILIZE
//	AID → AID                SANCTION → SANCTION (163 is now COERCE)
//	CONCEDE → CONCEDE        COERCE → COERCE (1712, 175 are now ASSAULT)
//	RETREAT → RETREAT        ASSAULT → ASSAULT
//	INVESTIGATE → ACCUSE     FIGHT → ASSAULT (191, 192 are now COERCE)
//	DEMAND → REQUEST
//	DISAPPROVE → ACCUSE
func OldPlover(label string) (string, bool) {
	t, ok := oldPlover[strings.ToUpper(strings.TrimSpace(label))]
	return t, ok
}
