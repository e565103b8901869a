package eventcode_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cameo"
	"github.com/parley-events/parley/eventcode"
	"github.com/parley-events/parley/pipeline"
)

// code runs the default pipeline and returns "SOURCE CODE TARGET mode" for
// each event.
func code(t testing.TB, p *pipeline.Pipeline, text string) []string {
	t.Helper()
	return codes(run(t, p, text))
}

// codes returns "SOURCE CODE TARGET mode" for each event of d.
func codes(d *parley.Doc) []string {
	var out []string
	for _, e := range d.Events {
		out = append(out, strings.Join([]string{e.Source, e.Code, e.Target, string(e.Mode)}, " "))
	}
	return out
}

// run runs p over text as an article published on 22 July 2025.
func run(t testing.TB, p *pipeline.Pipeline, text string) *parley.Doc {
	t.Helper()
	d := parley.NewDoc(text)
	d.Published = time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC)
	if err := p.Run(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCode(t *testing.T) {
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"Moscow did not attack Kyiv on Sunday.", "RUS 190 UKR negated"},
		// A hope or fear is about whom the clause it states names, the
		// clause hung from the noun or, past a phrase of time, from the
		// verb; but not about one's own country.
		{"Russia expressed concern that NATO would expand eastwards.", "RUS 012 IGOWSTNAT asserted"},
		// An agreement is not with whom its topic names, but with whom a
		// "with" phrase does.
		{"Lebanese leaders failed to reach a consensus on the disarmament of Hezbollah.", ""},
		{"Bulgaria hopes to reach a deal with the United States on the deployment of US troops.", "BGR 030 USA future"},
		// A pronoun subject is none of its verb's own objects: "they"
		// are the envoys, not the Tigers they urged.
		{"The Tamil Tigers met Norwegian envoys on Monday. They urged the Tamil Tigers to return to the talks.", "LKAREB 040 NORGOV asserted; NORGOV 020 LKAREB asserted"},
		// What one forms is no one acted on; whom one forms it with is.
		{"Hamas agreed to form a unity government.", ""},
		{"Hamas agreed to form a unity government with Fatah.", "PSEREBHMS 030 PSE asserted"},
		// What one wishes to do is intended, not done.
		{"China wishes to enhance cooperation with Ghana.", "CHN 050 GHA future"},
		// Those targeted to benefit are aimed at, not attacked.
		{"The Kenyan government has targeted a million farmers to benefit from the program.", ""},
		{"Rebels targeted a Kenyan police station.", "REB 190 KENCOP asserted"},
		// To deal with extremists is to tackle them, not to bargain.
		{"The Indian government must deal with leftwing extremists in Bihar.", ""},
		{"The Indian government must deal with Pakistan.", "INDGOV 050 PAK hypothetical"},
		// To attach importance to ties with someone is to speak well of
		// them.
		{"China attaches great importance to its relations with Japan.", "CHN 013 JPN asserted"},
		// What one has the ability to do may be done, not will be.
		{"Analysts doubt Hezbollah's ability to attack Israel.", "LBNREB 190 ISR hypothetical"},
		// The object's own phrase names whom the act is on before an actor
		// deep in another phrase of the verb.
		{"Zambia refused permission to Belgian troops for an evacuation of foreign nationals from Lubumbashi.", "ZMB 120 BELMIL asserted"},
		// Critics of a country are not that country; its president is.
		{"Critics of Kenya accused Uganda of lying.", ""},
		{"The widow of the Kenyan president accused Uganda of lying.", ""},
		{"The president of Kenya accused Uganda of lying.", "KENGOV 112 UGA asserted"},
		// Those one allows to travel travel, not the one who allows it.
		{"Israel should allow convoys of trucks to travel to Gaza.", "ISR 080 PSEGZA hypothetical"},
		{"Israel allowed Egyptian officials to travel to Gaza.", "ISR 080 EGYGOV asserted; EGYGOV 042 PSEGZA asserted"},
		// "The international community" is the world's states together,
		// not civilians.
		{"Kenya urged the international community to help Somalia.", "KEN 023 IGO asserted; IGO 070 SOM hypothetical"},
		// Only a state or an armed group occupies territory.
		{"Angolan refugees moved into Congo.", ""},
		{"Ugandan troops moved into Congo.", "UGAMIL 192 COG asserted"},
		// One carried somewhere makes no visit; one who flies there does.
		{"A Japanese sailor had to be airlifted to a Chinese hospital.", ""},
		{"The Kenyan president flew to Uganda.", "KENGOV 042 UGA asserted"},
		// A group's patterns for one verb's sense are not another verb's
		// (dict.Verb.Without): arrests by troops or in a raid are
		// arrests, not occupations or seizures; retiring from the army
		// is no retreat.
		{"Israeli troops arrested three Palestinian militants.", "ISRMIL 173 PSEUAF asserted"},
		{"Kenyan police arrested twelve Somali men in a raid.", "KENCOP 173 SOMPPL asserted"},
		{"The Kenyan general retired from the army.", ""},
		// Negotiating is engaging in negotiation (046), with whom a
		// "with" phrase names, and mediating is mediation (045): no
		// concession (080) whose target is where the talks are, nor a
		// settlement (050). A verb the dictionaries define in two groups
		// goes without, in each, the patterns its entry there omits.
		{"Kenya negotiated in Nairobi last week.", ""},
		{"Kenya and Uganda negotiated in Nairobi last week.", "KEN 046 UGA asserted; UGA 046 KEN asserted"},
		{"Kenya negotiated with Somalia for three days.", "KEN 046 SOM asserted; SOM 046 KEN asserted"},
		{"Kenya negotiated the release of the Ugandan hostages.", "KEN 046 UGA asserted"},
		{"Tanzania mediated the talks.", ""},
		{"The United Nations must resolve the stand-off over Kenya's border.", ""},
		{"Tanzania mediated with the Ugandan government.", "TZA 045 UGAGOV asserted"},
		// A verb that only frames its complement leaves the complement's
		// words to it: the withdrawal is the event, not "peace talks".
		{"Uganda has started withdrawing its troops from Sudan as the peace talks progress.", "UGA 0874 SDN asserted"},
		// One fights for a side or a cause, against the other: the
		// "against" phrase is the target wherever it stands, and
		// independence "from" someone is fought for against them.
		{"The rebels were willing to fight for the Sudanese government against the militias.", "REB 190 UAF future"},
		{"Kashmiri militants are fighting for independence from India.", "UAF 190 IND asserted"},
		// To argue a case or prepare measures is no disapproval or intent.
		{"The Kenyan minister argued that Uganda needed urgent food aid.", ""},
		{"Kenyan police prepared new measures against the Somali gangs.", ""},
		// To pay is no cooperation in itself; to pay a visit is a visit.
		{"Kenya will pay close attention to the Somali refugees.", ""},
		// Tourists, pilgrims and refugees travel; they make no visit.
		{"Thousands of Chinese tourists flew to Kenya.", ""},
		{"Kenyan pilgrims arrived in Saudi Arabia.", ""},
		// "Islamic Jihad" is the Palestinian movement, not Hezbollah.
		{"Islamic Jihad fired rockets at Israel.", "PSEREB 194 ISR asserted"},
		{"Russia expressed hope on Thursday that Ukraine would join the talks.", "RUS 013 UKR asserted"},
		{"Chinese Premier Li Peng dismissed fears that China was harbouring ambitions to dominate the region.", ""},
		{"Russian troops attacked Ukrainian soldiers near the border.", "RUSMIL 190 UKRMIL asserted"},
		{"Ukrainian soldiers were attacked by Russian troops near the border.", "RUSMIL 190 UKRMIL asserted"},
		{"Russian forces launched drone attacks on Ukrainian cities.", "RUSMIL 195 UKR asserted"},
		// Conjoined kinds: both aerial, or an aerial and an artillery
		// attack, which is an attack (190).
		{"Russia has increased its drone and missile attacks on Ukraine.", "RUS 195 UKR asserted"},
		{"Russia has increased its drone and artillery attacks on Ukraine.", "RUS 190 UKR asserted"},
		// An accident is no one's act; a raid that kills is its raiders'.
		{"A Kenyan military helicopter crashed near the border, killing nine Somali soldiers.", ""},
		{"Kenyan soldiers raided the camp, killing nine Somali soldiers.", "KENMIL 190 SOMMIL asserted"},
		{"A Kenyan passenger bus drove off a cliff on Tuesday, killing nine Somali soldiers.", ""},
		{"The Kremlin warned Kyiv of grave consequences if the talks failed.", "RUSGOV 130 UKR conditional"},
		{"Turkey will host talks with Iran next week.", "TUR 036 IRN future; IRN 036 TUR future"},
		{"Iran may attack Israel.", "IRN 190 ISR hypothetical"},
		{"Iran can attack Israel.", "IRN 190 ISR hypothetical"},
		// A clause of time in the present tells what is still to come
		// when the clause it hangs from does; in the past, what was.
		{"Turkey will host the talks when Russia and Ukraine meet next week.", "RUS 040 UKR future; UKR 040 RUS future"},
		{"Russia will not attend the talks until Ukraine meets Putin.", "UKR 040 RUSGOV future"},
		{"When Putin meets Zelensky, Trump will attend.", "RUSGOV 040 UKRGOV future"},
		{"Iran said it would free the British sailors once Britain apologises to Iran.", "GBR 055 IRN future"},
		{"Talks usually begin when Russia meets Ukraine.", "RUS 040 UKR asserted"},
		// A clause the parser hangs from a noun is the noun's only when a
		// relative pronoun is its subject: here "we" is the speaker's side,
		// not the channel told.
		{`Karim told Egyptian television that "we have withdrawn all our forces from Benghazi."`, ""},
		// An act someone is accused of is alleged, even when the parser
		// hangs it from the accused; one a court acquitted them of did
		// not happen, as far as the court is concerned.
		{"Witnesses accused the Kenyan soldiers of killing Somali civilians.", "KENMIL 202 SOMCVL hypothetical"},
		// So with the accused the passive's subject and the clause hung
		// on the accuser.
		{"The three Kenyan soldiers were accused by a Somali farmer of beating villagers near the border.", "SOMAGR 112 KENMIL asserted; KENMIL 190 CVL hypothetical"},
		{"A Kenyan court acquitted two Ugandan soldiers of killing Somali civilians.", "KENJUD 081 UGAMIL asserted; UGAMIL 202 SOMCVL negated"},
		// A visit made is a visit; one to be made, a future one.
		{"The Peruvian foreign minister made a trip to India in June.", "PERGOV 042 IND asserted; IND 043 PERGOV asserted"},
		{"The Chinese premier will make an official visit to Brazil in May.", "CHNGOV 042 BRA future; BRA 043 CHNGOV future"},
		// A country as a whole does not praise or meet its own bodies; it
		// does talk with its own rebels.
		{"The Peruvian foreign ministry said Peru praised the Peruvian navy for its rescue work.", ""},
		{"Colombo held talks with the rebels of the north.", "LKA 046 LKAREB asserted"},
		// Trade unions are labour, and a union of teachers is one.
		{"The unions protested against the French government's pension plan.", "LAB 127 FRAGOV asserted"},
		{"The Nigerian Union of Teachers called off its strike after talks with the government.", "NGALAB 082 GOV asserted"},
		// An international body can be one of "both sides" (not one of
		// "two countries").
		{"The European Union met Iranian diplomats in May. Both sides agreed to meet again.", "IGOEUREEC 040 IRNGOV asserted; IGOEUREEC 030 IRN asserted; IRN 030 IGOEUREEC asserted; IGOEUREEC 040 IRN future; IRN 040 IGOEUREEC future"},
		// ZANU has been Zimbabwe's ruling party since independence.
		{"Zimbabwe's ruling party, the Zimbabwe African National Union-Patriotic Front, accused Britain of meddling.", "ZWEPTY 112 GBR asserted"},
		// "Express", "settle" and "render" alone code nothing; their
		// patterns do.
		{"Paraguay expressed a wish to become a member of OPEC.", ""},
		{"Bolivia expressed concern over the Chilean decision.", "BOL 012 CHL asserted"},
		{"Many Turkish families settled in northern Iraq.", ""},
		{"Ghana won, rendering Togo's victory over Benin meaningless.", ""},
		// An operation is an attack unless it says it is help (and the
		// help is an event when the parser makes it the purpose of
		// launching them, as the shipped parser does and UD allows,
		// rather than of the operations).
		{"NATO troops launched a major operation against Taliban fighters.", "IGOWSTNAT 190 AFGREB asserted"},
		{"The Red Cross launched emergency operations to help Somali flood victims.", "NGOHLHIRC 070 SOMCVL asserted"},
		{"The UNHCR plans to start an emergency airlift operation to help Congolese refugees.", ""},
		// "Visiting" before a title describes the visitor.
		{"Tokyo announced to visiting Italian Defence Minister Marco Bellini that Japan would sign the treaty.", ""},
		// One's counterpart holds one's role in the other country.
		{"The Iraqi president held talks with his Iranian counterpart soon after arrival.", "IRQGOV 046 IRNGOV asserted"},
		{"Vietnamese businessmen will discuss with their Indian counterparts a list of shipping problems.", "VNMBUS 046 INDBUS future; INDBUS 046 VNMBUS future"},
		// Actors one inside the other's phrase are one party, not two
		// acting on one another; conjuncts are two.
		{"Delegates of the Dakar gathering of finance ministers of AU member states agreed that debt relief is urgent.", ""},
		{"Ministers of Brazil and Chile agreed.", "BRAGOV 030 CHLGOV asserted; CHLGOV 030 BRAGOV asserted"},
		{"The European Union (EU) and Mexico signed a fisheries accord on Friday.", "IGOEUREEC 057 MEX asserted; MEX 057 IGOEUREEC asserted"},
		// A participle before a noun is not the noun its lemma spells
		// (no announced visit, 036); the visitor spoken to is hosted.
		{"China told the visiting French minister that it would sign the convention.", "CHN 043 FRAGOV asserted"},
		{"China welcomed the visit of the French minister.", "CHN 043 FRAGOV asserted; FRAGOV 042 CHN asserted"},
		// A mediator mediates between the parties.
		{"Norway's mediation between the Sri Lankan government and the rebels continued.", "NOR 045 LKAGOV asserted"},
		// Meeting a requirement is no meeting; meeting a president is.
		{"Zambia could not meet the requirements of the Malawian farmers.", ""},
		{"Turkey has met the Cypriot president.", "TUR 040 CYPGOV asserted"},
		{"Kenyan doctors handed over medicine to Somali villagers.", "KENHLH 073 SOMCVL asserted"},
		// What a pattern names is what was done; to whom, a phrase says.
		{"Kenya sent troops to Somalia.", "KEN 062 SOM asserted"},
		// A clause inside a phrase of what is said is said too; a
		// clause describing the speaker is not.
		{`"The warrant covers the acts of Peruvian troops who kill dozens of Chilean farmers every day," the Chilean minister said.`, "PERMIL 190 CHLAGR reported"},
		{"The Chilean minister, who met Peruvian officials in Lima, said the talks went well.", "CHLGOV 040 PERGOV asserted"},
		// "Done" with a gerund has stopped it; "not done" goes on.
		{"The American president told reporters he was not done negotiating with the Russian president.", "USAGOV 046 RUSGOV reported; RUSGOV 046 USAGOV reported"},
		{"The American president said he was done talking with the Russian president.", "USAGOV 046 RUSGOV negated; RUSGOV 046 USAGOV negated"},
		// A place the parser hangs in apposition to a gathering is where
		// the parties met, not a party.
		{"The Chilean president and the Peruvian foreign minister met on the margins of a trade summit in the Brazilian capital Brasilia on Friday, a local newspaper reported.", "CHLGOV 040 PERGOV reported; PERGOV 040 CHLGOV reported"},
		// A show of force is made with one's own troops and police, not
		// to them; another country's are its target.
		{"The Chilean interior ministry deployed 5,000 police and soldiers to guard the polling stations.", ""},
		{"The Korean government mobilized riot police to end the strike.", ""},
		{"Syria increased its military presence on the border with Turkey.", "SYR 151 TUR asserted"},
		// A statement's tone is in its predicate or the views it states,
		// not deep in a phrase.
		{"The Kremlin said Kyiv held diametrically opposed views.", "RUSGOV 012 UKR asserted"},
		{"The Kremlin said it was not optimistic about the position of Kyiv.", "RUSGOV 012 UKR asserted"},
		// Neither side hopeful is pessimism; houses collapsing and
		// opposing something are not tones.
		{"The Chilean minister said that neither Peru nor Bolivia was hopeful of a settlement.", "CHLGOV 012 PER asserted"},
		{"The Chilean minister said two houses had collapsed in Lima.", ""},
		// A test's result is no tone.
		{"The UN agency said about 800 Zambian miners were tested HIV positive last year.", ""},
		{"The Kremlin said Kyiv would play a positive role.", ""},
		{"Peru recalled its ambassador to Mexico on Tuesday.", "PER 161 MEX asserted"},
		// International organisations by their abbreviations
		// (actors-parley.txt).
		{"The AU criticised Sudan on Monday.", "IGOAFROAU 111 SDN asserted"},
		{"EU ministers criticised Turkey.", "IGOEUREEC 111 TUR asserted"},
		{"The Chinese president is due to visit Kenya next week.", "CHNGOV 042 KEN future; KEN 043 CHNGOV future"},
		{"Kenya is likely to attack Somalia.", "KEN 190 SOM hypothetical"},
		// Tariffs are sanctions (163), laid or retaliated with; a "with"
		// phrase naming them is no fight with whom it is aimed at.
		{"Canada retaliated with tariffs on American goods.", "CAN 163 USA asserted"},
		{"The United States imposed tariffs on Chinese goods.", "USA 163 CHN asserted"},
		// An adjective or a name before an act's noun names whose the
		// act is (not a place it falls on, nor a kind of weapon when a
		// possessive names the owner); those killed in it were killed
		// by them.
		{"Kenyan strikes on Somalia continued on Monday.", "KEN 190 SOM asserted"},
		{"Two civilians were killed in a Kenyan drone attack on Somalia.", "KEN 190 SOMCVL asserted; KEN 195 SOM asserted"},
		{"Three soldiers were killed in an attack by Somali militants.", "SOMUAF 190 MIL asserted"},
		// To call someone a terrorist or a dictator denounces them, the
		// one called (the other object), not the word; acts done to
		// "each other" are done by each of the subjects to the other.
		{"The Kenyan president called the Ugandan president a dictator.", "KENGOV 111 UGAGOV asserted"},
		{"The Kenyan president called the Ugandan president a terrorist.", "KENGOV 111 UGAGOV asserted"},
		{"Kenya and Uganda blamed each other for the attack.", "KEN 1124 UGA asserted; UGA 1124 KEN asserted"},
		{"Kenya and Uganda criticised one another.", "KEN 111 UGA asserted; UGA 111 KEN asserted"},
		// Sanctions approved or adopted against someone are imposed on
		// them; the noun phrase right after a phrasal verb's particle is
		// its object.
		{"The European Union approved a package of sanctions against Uganda.", "IGOEUREEC 163 UGA asserted"},
		{"Kenyan air defences shot down 93 Ugandan drones, the defence ministry in Nairobi said.", "KEN 190 UGAMIL reported"},
		// Revenues and exports targeted are sanctioned, not attacked.
		{"The European Union approved new sanctions against Uganda, targeting its oil revenues.", "IGOEUREEC 163 UGA asserted"},
		{"Uganda targeted Kenyan oil revenues.", ""},
		// Those held by someone, released, were released by them.
		{"Three Kenyan soldiers held by Somali militants were freed on Monday.", "SOMUAF 0841 KENMIL asserted"},
		// To fight alongside someone is to cooperate with them (062).
		{"Ugandan troops fought alongside Kenyan forces in Somalia.", "UGAMIL 062 KENMIL asserted"},
		// Who reports an attack did not make it.
		{"The former commander implicated rebels in a deadly air strike on Ugandan forces, a Kenyan official said.", "ELI 112 REB reported"},
		// One who takes over from someone succeeds them; one who takes
		// over a town from someone seizes it.
		{"The Kenyan general took over from the Ugandan general.", ""},
		{"Somali rebels took over the town from Kenyan forces.", "SOMREB 171 KENMIL asserted"},
		// A reputation, an image or an economy harmed is no assault.
		{"Somali militants have tarnished the reputation of Kenyan forces.", ""},
		{"The Somali rebels harmed Kenya's image.", ""},
		{"Kenyan troops damaged a Ugandan border post.", "KENMIL 180 UGA asserted"},
		// An ultimatum gives until a date as well as days.
		{"Kenya gave Uganda until September 1 to withdraw its troops.", "KEN 139 UGA asserted"},
		// Whom an appeal is to does what it asks.
		{"Kenya called on Uganda to withdraw its troops from Somalia.", "KEN 020 UGA asserted; UGA 0874 SOM hypothetical"},
		{"Kenya called for Uganda to withdraw its troops from Somalia.", "KEN 020 UGA asserted; UGA 0874 SOM hypothetical"},
		// A missile or a drone intercepted is shot down, no weapon
		// seized (1711).
		{"The Kenyan army intercepted a missile fired from Somalia.", ""},
		// Sanctions lifted are eased (085); relations normalised are
		// restored (050), with each other; the dead handed over are
		// returned (084), not military aid; those freed are released
		// (0841).
		{"Kenya lifted sanctions on Uganda.", "KEN 085 UGA asserted"},
		{"Kenya and Uganda normalised relations.", "KEN 050 UGA asserted; UGA 050 KEN asserted"},
		{"Kenya handed over the bodies of 40 Ugandan soldiers.", "KEN 084 UGAMIL asserted"},
		{"Uganda freed six Kenyans.", "UGA 0841 KEN asserted"},
		// Violence named by a noun falls on the place it is done in.
		{"Uganda launched an offensive in northern Kenya.", "UGA 190 KEN asserted"},
		{"Ugandan attacks in Kenya continued.", "UGA 190 KEN asserted"},
		// Drones and missiles launched at someone are an air attack.
		{"Uganda launched 300 drones and 20 missiles at Kenya overnight.", "UGA 195 KEN asserted"},
		// To strike with drones or warplanes is an air attack (195); a
		// "with" phrase beside an object acted on is the means, not a
		// party fighting back; one hit by a plane or a vehicle of no
		// one's was in an accident.
		{"Ugandan forces struck Garissa with drones.", "UGAMIL 195 KEN asserted"},
		{"Ugandan forces hit Garissa with navy ships.", "UGAMIL 190 KEN asserted"},
		{"Kenyan police clashed with Somali militants.", "KENCOP 190 SOMUAF asserted; SOMUAF 190 KENCOP asserted"},
		{"Two Kenyan soldiers were hit by a fighter plane attempting a landing.", ""},
		// A town or division the geo stage places, named as a location,
		// is an actor of its country, as the dictionaries' chief cities
		// are (not inside a longer name, nor a point of the compass).
		{"Ugandan troops shelled Garissa on Monday.", "UGAMIL 190 KEN asserted"},
		{"Ugandan troops attacked the town of Eldoret.", "UGAMIL 190 KEN asserted"},
		{"Ugandan troops attacked the Kenyan town of Eldoret.", "UGAMIL 190 KEN asserted"},
		{"The Kenyan president attended the Leadership Summit with Ugandan officials.", "KENGOV 044 UGAGOV asserted"},
		{"The envoy to talks between North and South Korea returned to Washington.", ""},
		// A gerund's clause of means or time is done by the subject of
		// the verb it hangs from; one opened by "without" is not done.
		{"Kenya retaliated by firing rockets at Uganda.", "KEN 194 UGA asserted"},
		{"The Kenyan president spoke to reporters after meeting the Ugandan president.", "KENGOV 040 UGAGOV asserted"},
		{"Kenya withdrew without attacking Uganda.", ""},
		// "The opposition" is the parties against the government; one's
		// opposition to something is no one.
		{"The Kenyan opposition accused the government of rigging the vote.", "KENOPP 112 GOV asserted"},
		{"Kenya voiced its opposition to the Ugandan plan.", "KEN 111 UGA asserted"},
		// "The group" is the armed or political group named before (not
		// one named right after it).
		{"The Kenyan army said it had struck dozens of al-Shabaab targets and accused the group of using civilian buildings as cover.", "KENMIL 195 SOMREB reported; KENMIL 112 SOMREB asserted"},
		// Armed groups of today's wars (actors-parley.txt), as of the
		// article's date.
		{"The Houthis fired missiles at Israel.", "YEMREB 190 ISR asserted"},
		{"The Rapid Support Forces shelled the Sudanese army.", "SDNREB 190 SDNMIL asserted"},
		// Arms delivered, sent or supplied, tanks among them, are
		// military aid (072).
		{"Kenya will deliver tanks to Somalia.", "KEN 072 SOM future"},
		{"Kenya delivered weapons to Somalia.", "KEN 072 SOM asserted"},
		{"Kenya will supply tanks to Somalia.", "KEN 072 SOM future"},
		{"The Kenyan president said Nairobi would pay for two Patriot systems for Somalia.", "KEN 072 SOM future"},
		// A phrasal verb's particle read as a preposition leaves the
		// phrase the verb's object ("shot down" of drones).
		{"Kenya shot down Somali drones.", "KEN 190 SOMMIL asserted"},
		{"Kenya shot down 40 Somali drones on Tuesday.", "KEN 190 SOMMIL asserted"},
		// Conjoined subjects of an act a pattern codes the same both
		// ways do it to one another.
		{"Kenya and Uganda exchanged fire along the border.", "KEN 193 UGA asserted; UGA 193 KEN asserted"},
		{"Kenya and Somalia exchanged prisoners on Friday.", "KEN 0841 SOM asserted; SOM 0841 KEN asserted"},
		// What one denies doing, in a gerund or a clause, one says one
		// did not do; a clause beside the denial is done.
		{"Kenya denied supplying weapons to the Somali rebels.", "KEN 072 SOMREB negated"},
		{"Kenya denied that its troops attacked Uganda.", "KENMIL 190 UGA negated"},
		{"The Kenyan government denied any role in the bombing, accusing Ugandan police of carrying it out.", "KENGOV 112 UGACOP asserted"},
		// An aim one is committed or dedicated to is still to come.
		{"The Kenyan militia is committed to fighting Ugandan troops.", "KENUAF 190 UGAMIL future"},
		{"The Kenyan militia is dedicated to attacking Uganda.", "KENUAF 190 UGA future"},
		// What a talk is about is no one talked with; whose envoy one
		// meets is.
		{"The German minister will discuss a United Nations resolution in Paris.", ""},
		{"The German minister will meet a United Nations envoy in Paris.", "DEUGOV 040 IGOUNO future"},
		{"The Lebanese ministers will discuss the demand by Hezbollah.", ""},
		// One's own country is no partner, but may be accused.
		{"The Kenyan minister hailed Kenya on Monday.", ""},
		{"The Kenyan minister accused Kenya of neglecting the north.", "KENGOV 112 KEN asserted"},
		{"The Lebanese ministers will discuss the crisis with Hezbollah.", "LBNGOV 046 LBNREB future; LBNREB 046 LBNGOV future"},
		// A comment on what no dictionary verb codes is about the actors
		// of its clause.
		{"Japan has worried that North Korea will run out of food.", "JPN 012 PRK asserted"},
		{"Ankara has yet to comment publicly on the report.", ""},
		{"The Turkish authorities imposed a curfew in Diyarbakir on Sunday.", "TURGOV 1723 TUR asserted"},
		{"Rebel guerrillas wounded three Kenyan soldiers near the border.", "REB 180 KENMIL asserted"},
		{"London demanded that the PKK renounce its violent campaign against Turkey.", "GBR 100 TURREB asserted; TURREB 110 TUR hypothetical"},
		{"The rebels in Fiji said they would release the prime minister of Fiji.", "FJIREB 084 FJIGOV future"},
		{"The president of Brazil arrived in Argentina on Monday.", "BRAGOV 042 ARG asserted"},
		{"The Chinese foreign minister arrived in Beijing on Monday.", ""},
		{"Sudan's prime minister visited Egypt on Monday.", "SDNGOV 042 EGY asserted; EGY 043 SDNGOV asserted"},
		{"Sudan's prime minister offered to host a technical meeting in Khartoum.", ""},
		{"The Chilean minister blasted the Peruvian government for its failure.", "CHLGOV 111 PERGOV asserted"},
		// A gerund clause opened by a preposition is that preposition's
		// phrase ("* (for)", "* of attack"), and only its phrase: "*
		// sanctions" does not reach into it.
		{"The Chilean minister blasted the Peruvian government for failing to pay its debts.", "CHLGOV 111 PERGOV asserted"},
		{"Chile accused Peru of attacking its border posts.", "CHL 1123 PER asserted"},
		{"Chile criticized Peru for imposing sanctions on its fishermen.", "CHL 111 PER asserted"},
		// Defending what is no one and no place is defending it in
		// words (052); defending a country is protecting it (074).
		{"The Chilean minister defended Peru's presence at the summit on Monday.", "CHLGOV 052 PER asserted"},
		{"Chile said it would defend Peru.", "CHL 074 PER future"},
		// What a demand asks for is not done, though the parser hangs
		// its clause from the verb of the demand's phrase.
		{"Chile refused to bend to demands that it recognize Peru.", "CHL 054 PER hypothetical"},
		// A bare past participle is passive: its subject is done to;
		// being asked by reporters is no event.
		{"When asked about Peru's role, the Chilean minister said nothing.", ""},
		{"Rebuffed by Peru on Monday, the Chilean minister flew home.", "PER 120 CHLGOV asserted"},
		// Failing to do something that is no event is no event.
		{"Prosecutors failed to prove their case against the Chilean minister.", ""},
		// Where one demands or speaks is not whom it is aimed at.
		{"Campaigning in Lima on Monday, the Chilean minister said it was time to act.", ""},
		{"The Chilean minister said he was hopeful, speaking in Lima.", ""},
		// A bombing campaign is violence; pulling the plug on a visit
		// cancels it.
		{"Chilean rebels launched a bombing campaign targeting Peruvian churches on Monday.", "CHLREB 183 PER asserted"},
		{"The Chilean government pulled the plug on the Peruvian minister's visit.", "CHLGOV 160 PERGOV asserted"},
		// An attack in words is a denunciation.
		{"The Chilean president launched a fresh attack on Peru on Monday, calling its leaders liars.", "CHLGOV 111 PER asserted"},
		{"The Chilean president's verbal attacks on Peru continued on Monday.", "CHLGOV 111 PER asserted"},
		// Talks scheduled or due are arranged, not held.
		{"Talks between Chile and Peru have been scheduled for November.", "CHL 036 PER future; PER 036 CHL future"},
		{"Talks between Chile and Peru are due to start next week.", "CHL 036 PER future; PER 036 CHL future"},
		// Where what is fired comes from is not whom it falls on.
		{"Militants fired rockets from Gaza on Monday.", ""},
		{"Militants fired rockets from Gaza at Israeli towns on Monday.", "UAF 194 ISR asserted"},
		// A semicolon parts clauses: no actor or speaker across it.
		{"Spain is expected to provide 1,500 soldiers; Chile said Monday it was sending 800; Peru has promised up to 600 troops; Bolivia, 300; Ecuador, 200.", "PER 030 MIL asserted"},
		// What is put off or called off does not take place.
		{"Talks between Chile and Peru were called off on Monday.", "CHL 046 PER negated; PER 046 CHL negated"},
		{"Chile and Peru put off their summit until Thursday.", "CHL 040 PER negated; PER 040 CHL negated"},
		// One who speaks during or after talks took part in them; one
		// who arrives after bombings did not bomb.
		{"After talks with Peru on Monday, the Chilean president said Chile wanted peace.", "CHLGOV 046 PER asserted"},
		{"The Chilean president arrived in Lima on Monday following deadly Peruvian bombings in the capital.", "CHLGOV 042 PER asserted"},
		// Pulling out or going away is no consultation.
		{"Chile and Peru urged Bolivia to pull out and for the rivals to observe a truce.", "CHL 020 BOL asserted; PER 020 BOL asserted"},
		// Honouring commitments to someone hosts no visit.
		{"Chile will honor its commitments to Peru, the minister said.", ""},
		// Telling a visiting minister is hosting the visit.
		{"The Chilean president told visiting Peruvian Foreign Minister Jorge Salas that talks would resume.", "CHLGOV 043 PERGOV asserted"},
		// Helping do something to others, or between them, helps none of
		// them; helping relieve someone's suffering helps them.
		{"Chile will help defuse tensions between Peru and Bolivia.", ""},
		{"Chile will help alleviate the suffering of Peruvian refugees.", "CHL 070 PERREF future"},
		// "…," adding that …: said by the one who said the quotation.
		{`The Chilean envoy told journalists that "Peru has given us three months," adding that the soldiers should be on the ground within ten days.`, "CHLGOV 020 MIL reported"},
		// A warplane's bomb is an air attack; an airline's aircraft
		// investigate no one.
		{"A Chilean warplane used a guided bomb against rebel positions in Peru on Monday.", "CHLMIL 195 PERREB asserted"},
		{"The Chilean airline will use Boeing aircraft on the route to Peru.", ""},
		// Going to the streets is demonstrating.
		{"Chilean unions went to the streets on Monday to protest against the government.", "CHLLAB 141 GOV asserted; CHLLAB 140 GOV future"},
		// Sponsoring a motion funds nothing.
		{"Denmark sponsored a motion condemning Chile on Monday.", "DNK 111 CHL asserted"},
		{"Police and firefighters staged a protest in Athens on Tuesday.", ""},
		{"Turkey hosted the talks on Monday. The Ukrainian minister said it would be very difficult.", ""},
		{"Sweden, Denmark, Finland and Norway refused to endorse the draft.", ""},
		{"Croatia and Slovenia agreed to cooperate.", "HRV 030 SVN asserted; SVN 030 HRV asserted; HRV 050 SVN future; SVN 050 HRV future"},
		{"Indian and Pakistani troops clashed near the border.", "INDMIL 190 PAKMIL asserted; PAKMIL 190 INDMIL asserted"},
		{"NATO warned Russia to withdraw its troops from Georgia.", "IGOWSTNAT 130 RUS asserted; RUS 0874 GEO hypothetical"},
		{"Okafor is the first Nigerian defence minister to visit Chile.", "NGAGOV 042 CHL asserted; CHL 043 NGAGOV asserted"},
		{"Egypt welcomed Japan's decision to send aid to Sudan.", "EGY 052 JPN asserted; JPN 070 SDN future"},
		{"The Chinese president left Hanoi for New Delhi on Sunday.", "CHNGOV 042 IND asserted; IND 043 CHNGOV asserted"},
		{"The Chinese president left Hanoi on Sunday.", ""},
		{"A ceasefire between Israel and Hamas took effect on Sunday.", "ISR 0871 PSEREBHMS asserted; PSEREBHMS 0871 ISR asserted"},
		{"The Jordanian king urged France to enter into dialogue with Algeria.", "JORGOV 020 FRA asserted; FRA 036 DZA hypothetical"},
		{"Chile condemned the closure of schools in Peru.", "CHL 111 PEREDU asserted"},
		{"Cuba denounced the parade supporting Israel.", "CUB 111 ISR asserted"},
		{"Senior Hungarian and Romanian officials met in Vienna.", "HUNGOV 040 ROUGOV asserted; ROUGOV 040 HUNGOV asserted"},
		{"Japan decided to send aid to Vietnam.", "JPN 070 VNM future"},
		{"Egypt is seeking to impose sanctions on Libya.", "EGY 163 LBY future"},
		{"Libya and Bulgaria signed a treaty of friendship.", "LBY 057 BGR asserted; BGR 057 LBY asserted"},
		{"Russia threatened to impose a curfew in Georgia.", "RUS 130 GEO asserted; RUS 1723 GEO future"},
		{"The foreign ministers of Egypt and Jordan condemned Israel.", "EGYGOV 111 ISR asserted; JORGOV 111 ISR asserted"},
		{"Poland, the Netherlands, Belgium and Austria praised Norway.", "POL 051 NOR asserted; NLD 051 NOR asserted; BEL 051 NOR asserted; AUT 051 NOR asserted"},
		{"The minister said the weather was fine.", ""},
		{"Ten Syrian civilians killed by Turkish troops were buried on Monday.", "TURMIL 190 SYRCVL asserted"},
		{"Hundreds of Nepalese prisoners held in Indian jails went on strike.", ""},
		{"In Nablus, Palestinian nurses again refused to go back to their wards.", ""},
		{"A rebel group in Mali, led by a former minister of Niger, said it wanted peace.", ""},
		{"Jordanian police blocked roads in Amman.", "JORCOP 144 JOR asserted"},
		{"Chile criticized the powers granted to Peru.", "CHL 111 PER asserted"},
		{"Chile rejected the plan drafted by Peru.", "CHL 120 PER asserted"},
		{"Chile signed the declaration in Lima.", ""},
		{"Chile praised the talks held in Peru.", ""},
		{"The Chadian president came to Kuwait from Jordan on Friday.", "TCDGOV 040 KWT asserted"},
		{"Workers staged a strike against the Kenyan government.", "LAB 143 KENGOV asserted"},
		{"Kenyan police prevented a march by Kenyan students.", "KENCOP 1721 KENEDU asserted"},
		{"Chile sent arms to Peru.", "CHL 072 PER asserted"},
		{"The Russian minister said Sudan must return the helicopter.", "RUSGOV 100 SDN asserted"},
		{"The Russian minister said Sudan should return the helicopter.", "RUSGOV 020 SDN asserted"},
		{"The Russian minister said Sudan does not have to return the helicopter.", ""},
		{"The Russian minister said Russia must reform its army.", ""},
		{"Ghana will withdraw its peacekeepers from Liberia unless the fighting stops.", "GHA 1661 LBR conditional"},
		{"Russia recalled its ambassador two days after Ukrainian protesters attacked the Russian embassy.", "UKROPP 190 RUSGOV asserted"},
		{"Polish prosecutors want to know how the Russian colonel paid for a mansion on the shores of the Black Sea.", ""},
		// A pattern's words in a complement clause with a verb of its own
		// are that verb's: the asking is an appeal, not one for weapons.
		{"Ghana asked that France scrap its weapons embargo against Mali.", "GHA 020 FRA asserted"},
		{"Chile is ready to send aid to Peru.", "CHL 070 PER future"},
		{"Peru has been unable to send aid to Chile.", "PER 070 CHL negated"},
		{"Kenyan police beat up the protesters.", "KENCOP 182 OPP asserted"},
		// A threat with no one named threatens the subject of its condition.
		{"Iran threatened to close the strait unless Britain changes its policy.", "IRN 130 GBR conditional"},
		// "In case" and "in the event" set conditions too.
		{"Kenya will send troops in case Ugandan rebels attack the border.", "KEN 062 UGAREB conditional"},
		// A condition on the act pledged, threatened or agreed to holds
		// for the pledge too, wherever the parser hangs it.
		{"The Kenyan minister pledged to resume talks with Uganda if the opposition wins the election.", "KENGOV 030 UGA conditional; KENGOV 046 UGA conditional"},
		{"Ethnic Armenian villagers have sworn to fight the Azerbaijani army.", "CVL 190 AZEMIL future"},
		{"The Spanish minister was sworn in on Monday.", ""},
		// The subject of a passive frame does the complement's act.
		{"The Sudanese president is expected to visit Egypt on Monday.", "SDNGOV 042 EGY future; EGY 043 SDNGOV future"},
		{"The Tunisian president told parliament he is prepared to lift the ban on the Libyan newspaper.", "TUNGOV 081 LBYMED future"},
		{"Chile fired two artillery shells at Peru on Thursday.", "CHL 193 PER asserted"},
		// A verb followed at once by "and" shares the next verb's
		// object; one with words of its own after it does not.
		{"Chilean doctors donated and delivered medicine to Peru.", "CHLHLH 070 PER asserted"},
		{"The Chilean minister arrived in Lima and met Peruvian officials.", "CHLGOV 042 PER asserted; CHLGOV 040 PERGOV asserted"},
		// A noun the parser hangs from the verb after its object, and an
		// agent owning the noun a weapon is fired against.
		{"Chilean forces launched rocket, mortar and artillery fire against Peruvian guerrilla bases on Tuesday.", "CHLMIL 194 PERREB asserted"},
		// A "by" phrase right after an active verb's object is the
		// object's agent.
		{"Peru is investigating alleged crimes by Chilean soldiers.", "PER 090 CHLMIL asserted"},
		// A purpose clause after the object names whom the act is for only
		// when it is to help them.
		{"Chile brokered the merger to prevent a bid by Peruvian investors.", "CHL 120 PERBUS asserted"},
		{"The United Nations launched an appeal to help Peru.", "IGOUNO 020 PER asserted"},
		// An infinitive completing a noun of intent is done by whoever
		// the noun names, or by whoever made or signed it; one the parser
		// hung from the verb after a time phrase is the noun's all the same.
		{"The Kenyan ministers would not comment on Uganda's decision on Friday to cancel the visits to Kenya.", "UGA 160 KEN future"},
		{"Kenya signed an agreement to buy weapons from Uganda.", "KEN 057 UGA asserted; UGA 057 KEN asserted; KEN 062 UGA future; UGA 062 KEN future"},
		// An intent given up is not carried out.
		{"Kenya scrapped plans to visit Uganda.", "KEN 160 UGA asserted; KEN 042 UGA negated; UGA 043 KEN negated"},
		// To sanction someone is to impose sanctions (163), to sanction
		// something to approve it; a diplomatic protest filed is a
		// protest (110).
		{"Kenya sanctioned three Ugandan companies.", "KEN 163 UGABUS asserted"},
		{"The United Nations sanctioned the use of force.", ""},
		{"Kenya filed a diplomatic protest against Uganda.", "KEN 110 UGA asserted"},
		// Aid suspended, paused or halted is aid stopped (162; military
		// 1622).
		{"Kenya paused military aid to Somalia.", "KEN 1622 SOM asserted"},
		{"Kenya suspended economic aid to Uganda.", "KEN 1621 UGA asserted"},
		// Talks a verb of giving up stops are not held (when the verb
		// codes nothing of its own); talks suspended or halted are
		// negotiations halted (164); talks resumed are held.
		{"Chile decided to halt its talks with Peru.", "CHL 046 PER negated"},
		{"Ecuador suspended negotiations with Peru on Monday.", "ECU 164 PER asserted"},
		{"Ecuador resumed negotiations with Peru on Monday.", "ECU 046 PER asserted"},
		// What a participle says of a verb's object is as real as the
		// object.
		{"Chile will propose a resolution condemning Peru.", "CHL 020 PER future; CHL 111 PER future"},
		{"Chile passed a resolution condemning Peru.", "CHL 010 PER asserted; CHL 111 PER asserted"},
		{"Chile rejected a resolution condemning Peru.", "CHL 1246 PER asserted; CHL 111 PER negated"},
		// An act promised is intended (and a withdrawal intended is the
		// intent to de-escalate); one someone is told to do is not done;
		// a verb conjoined in a condition is conditional too.
		{"Ecuador promised the withdrawal of its troops from Peru.", "ECU 030 PER asserted; ECUMIL 0356 PER future"},
		{"Ecuador told Peru to pull out its troops from Bolivia.", "PER 0874 BOL hypothetical"},
		{"Ecuador told reporters that Peru attacked Bolivia.", "PER 190 BOL reported"},
		{"Sanctions will follow if Peru does not halt the tests and cooperate with Ecuador.", "PER 050 ECU conditional"},
		// A city's name read as an adjective of the subject's noun says
		// where things are, not who acted; as a target it is the victim.
		{"The bombs on two Amman cafes, which killed six Jordanian soldiers, stunned the country.", ""},
		{"Rebels admitted the attacks on two Amman hotels, which killed ten guests.", "JORREB 190 JOR asserted"},
		// A phrase of time is no phrase of a pattern's preposition:
		// fighting someone for three days is no criticism of them
		// (fighting them for their raids is).
		{"Peruvian rebels fought the Ecuadorian army for three days.", "PERREB 190 ECUMIL asserted"},
		{"Peru attacked Ecuador for its raids.", "PER 111 ECU asserted"},
		// A sports result is no event (parley's discards).
		{"Japanese swimmer Kenji Sato bettered the men's 400m butterfly Asian record by a second as he reached the wall first.", ""},
		// Others of one's own code met are others, not one's partners.
		{"The Kenyan president and the ministers met the Kenyan negotiators.", "GOV 040 KENGOV asserted"},
		// A verb of saying after its clause, its speaker after it.
		{"Russian troops attacked the Ukrainian town, warned the Japanese minister.", "RUSMIL 190 UKR reported"},
		// "Visiting" before a person describes a visitor.
		{"Uganda will host the next summit, officials said after the meeting between Museveni and visiting Kenyan President Kibaki.", ""},
		{"The Kenyan president on Monday held talks with visiting Ugandan President Museveni in Nairobi.", "KENGOV 046 UGAGOV asserted"},
		// A country the parser makes the head of a name is not the person.
		{"Jordanian King Abdullah II met the Kenyan foreign minister in Amman on Sunday.", "JORGOV 040 KENGOV asserted"},
		// "has broken relations" with "broken" taken for an adjective: the
		// verb; and breaking relations breaks them off.
		{"Kenya has broken relations with Uganda after the border raid.", "KEN 161 UGA asserted"},
		// A name tagged as a verb ("-ing") is the subject of the verb
		// conjoined to it.
		{"Pyongyang on Friday expelled two Japanese diplomats.", "PRK 161 JPNGOV asserted"},
		// "and promised aid" taken for an adjective: a second verb.
		{"The Kenyan cabinet denounced the Somali raid on Monday and promised aid to the flooded Kenyan villages.", "KENGOV 111 SOM asserted; KENGOV 033 KENCVL asserted"},
		// Fighting insurgents is fighting (CAMEO 2.0 has military aid).
		{"Kenyan troops are fighting Somali insurgents.", "KENMIL 190 SOMREB asserted"},
		// A conflict one falls or suffers in is with whom it is with.
		{"Two Kenyan soldiers were killed in clashes with Somali rebels.", "SOMREB 193 KENMIL asserted"},
		// An "if" completing "ask" asks whether: no condition, and no
		// one asked in the question.
		{"Kenyan reporters asked if Uganda would attack Tanzania.", "UGA 190 TZA hypothetical"},
		// To attend what one's own country holds is no visit.
		{"The Kenyan court hearing was attended by hundreds of Kenyan farmers.", ""},
		// Sport throughout when the sport's phrase completes the verb.
		{"Kenya beat Uganda 3-1 to win the gold medal at the regional games.", ""},
		// Examples of who acts together do not act on one another.
		{"About 30 guests including ministers, scholars and bankers from Kenya, Uganda and Tanzania will attend the conference.", ""},
		// Violence on an abstraction is a figure of speech.
		{"The resignation of the Kenyan envoy will not break the momentum toward talks with Uganda.", ""},
		{"Kenyan police have hit obstacles in parts of Uganda.", ""},
		{"Kenya has dominated the athletics championships in Uganda.", ""},
		// The faithful of a church or branch are actors.
		{"Kenyan Catholics condemned the Ugandan government.", "KENCHRCTH 111 UGAGOV asserted"},
		{"The Kenyan commission voted on Tuesday to kill a motion by Uganda.", ""},
		// A pattern's prepositional phrase is not one nested in another
		// the pattern does not name ("* (against) [110]").
		{"Chile and Peru already cooperate closely in the fight against smuggling.", "CHL 050 PER asserted; PER 050 CHL asserted"},
		// A passive's participle complement is done to its subject (and
		// what is believed of it is not established).
		{"Ten Peruvian soldiers were believed killed by Chilean rebels on Monday.", "CHLREB 190 PERMIL hypothetical"},
		// One travels to a place, from another.
		{"The Chilean minister will travel from Peru to Bolivia next week.", "CHLGOV 042 BOL future"},
		// Verbs of news CAMEO 2.0 lacks (verbs-parley.txt).
		{"Chile urged Peru to release the prisoners.", "CHL 020 PER asserted"},
		{"The Chilean minister lambasted Peru on Monday.", "CHLGOV 111 PER asserted"},
		// An appeal for something in a place is aimed at the place.
		{"Chile appealed for calm in Peru on Monday.", "CHL 020 PER asserted"},
		// So is a demand for something in a place.
		{"Syrian rebels pressed for an inquiry in Turkey.", "SYRREB 1014 TUR asserted"},
		{"Kenyan lawyers pressed for compensation in Somalia.", "KENJUD 1031 SOM asserted"},
		// Whoever a report is according to takes no part in it.
		{"Chile criticized the ruling, according to Peruvian officials.", ""},
		// To engage someone is to fight them; to engage in a project is not.
		{"Peruvian troops engaged Chilean rebels near the border.", "PERMIL 190 CHLREB asserted"},
		{"He suggested that Peru and Chile engage in joint projects.", ""},
		// A participle set off by commas tells what was done to its noun.
		{"Two Peruvian soldiers, released by Chilean rebels on Monday, returned home.", "CHLREB 084 PERMIL asserted"},
		{"Two captured engineers were shown in a recording released by a rebel faction in Peru, a Chilean daily reported on Friday.", ""},
		// A verb in a name is no event.
		{"Her article appeared in a leading Peruvian daily and was picked up by radio stations, according to a statement by the Committee to Protect Journalists.", ""},
		{"Ethiopia said it was attacked by Somalia.", "SOM 190 ETH reported"},
		// One actor named twice is one event, not two.
		{"Chile criticized the World Trade Organization (WTO) on Monday.", "CHL 111 IGOBUSWTO asserted"},
		// One talks with people, not with what one talks about.
		{"The Jordanian king discussed Iran's nuclear program.", ""},
		{"The Jordanian king discussed Iran's nuclear program with Egyptian officials.", "JORGOV 046 EGYGOV asserted; EGYGOV 046 JORGOV asserted"},
		// Conjoined forces launching an offensive act together.
		{"American and Iraqi forces launched an offensive on Monday.", ""},
		// A place the act falls on may have a sector of its own; an
		// institution one acts in is no target.
		{"Israeli troops shot two men in the Gaza Strip on Monday.", "ISRMIL 190 PSEGZA asserted"},
		{"The Indian government wants to pass the budget in parliament.", ""},
		// The speaker's own country owning what is said is not acted upon.
		{"The Japanese minister affirmed Japan's policy on Vietnam.", ""},
		// A city naming a text or an event is no actor of it; a city
		// locating a place is.
		{"The Chilean minister endorsed the Lima Action Plan.", ""},
		{"Israeli troops shelled houses in the Gaza town of Beit Hanoun.", "ISRMIL 190 PSEGZA asserted"},
		{"The Austrian minister invited his Serbian and Croatian counterparts to Vienna.", "AUTGOV 040 SRB asserted; AUTGOV 040 HRV asserted"},
		// Rebels demanding something of their own country's president.
		{"Kenyan rebels said the Kenyan president must resign.", "KENREB 100 KENGOV asserted"},
		// Nominal events: the one who announces an act does it; the
		// target may sit in an "of" phrase; a demand states its target.
		{"Portugal announced a suspension of its air links with Angola.", "PRT 160 AGO asserted"},
		{"Russia imposed an economic blockade on Georgia.", "RUS 144 GEO asserted"},
		{"The Iraqi government faces an insurgency in Kenya.", ""},
		// Conjoined subjects upgrading their own ties do it with one another.
		{"Latvia and Georgia have upgraded their diplomatic relations.", "LVA 050 GEO asserted; GEO 050 LVA asserted"},
		{"The Kenyan army demobilized Kenyan rebels.", "KENMIL 0873 KENREB asserted"},
		{"Kenya concluded that Uganda must release the prisoners.", "KEN 100 UGA asserted"},
		// Those who come for talks take part in them.
		{"Kenyan negotiators and Ugandan officials returned to Geneva for talks.", "KENGOV 046 UGAGOV asserted; UGAGOV 046 KENGOV asserted"},
		// A protest is against whom "against" names, however deep.
		{"Kenyan students staged a protest in Nairobi against the government.", "KENEDU 140 KENGOV asserted"},
		// A text that condemns speaks for whoever issued it.
		{"The Kenyan ministry issued a statement condemning the Ugandan attack.", "KENGOV 010 UGA asserted; KENGOV 111 UGA asserted"},
		{"Armenia mobilized thousands of army reservists for a possible conflict with Azerbaijan.", "ARM 154 AZE asserted"},
		// To be engaged in fighting with someone is to fight them.
		{"Kenyan troops were engaged in heavy fighting with Somali rebels.", "KENMIL 190 SOMREB asserted"},
		// A withdrawal is of the withdrawer's forces, from the target.
		{"The withdrawal of Rwandan soldiers from Burundi started on Friday.", "RWAMIL 0874 BDI asserted"},
		{"France has accelerated the withdrawal of some troops from Niger.", "FRA 0874 NER asserted"},
		{"Chile has reneged on its commitment to Peru.", "CHL 120 PER asserted"},
		// Heading to a country is travel; leading to something is no
		// promise of cooperation.
		{"The Kenyan president headed to Uganda on Monday.", "KENGOV 042 UGA asserted"},
		{"Kenyan delays led to the deaths of Ugandan pilgrims.", ""},
		// One's own troops are no target; the country they leave is,
		// "neighbouring" parsed as a verb or not.
		{"Kenya will withdraw its troops from neighbouring Somalia.", "KEN 0874 SOM future"},
		{"The Kenyan ministry advised its embassies to close.", ""},
		// A passive act with no agent in a conflict with someone: theirs.
		{"Kenya was criticized over its border dispute with Uganda.", "UGA 111 KEN asserted"},
		// A conflict falls on the place where its object lies, when no
		// one else is named; cooperation does not.
		{"Kenya fired two shells near a vessel from Uganda on Thursday.", "KEN 193 UGA asserted"},
		{"The Kenyan minister welcomed the opening of guest houses in Uganda.", ""},
		// A subject the parser gave the closing "said" is its clause's.
		{"The Kenyans reject proposed Ugandan changes to the border deal, the chief Kenyan negotiator said.", "KEN 120 UGA reported"},
		// To dismiss an appeal is to reject it.
		{"Kenyan rebels dismissed an appeal from the Kenyan president to lay down their arms.", "KENREB 120 KENGOV asserted"},
		// One summons an ambassador to complain oneself, and the summons
		// is the complaint.
		{"The Kenyan minister summoned the Ugandan ambassador to lodge a complaint about the Ugandan president's remarks.", "KENGOV 114 UGAGOV asserted"},
		{"On Tuesday, the Chilean deputy foreign minister summoned Peru's ambassador to complain about the fishing dispute.", "CHLGOV 110 PERGOV asserted"},
		// A summons alone is one; a meeting for a purpose is the meeting.
		{"The Chilean minister summoned the Peruvian envoy.", "CHLGOV 040 PERGOV asserted"},
		{"The Chilean minister met the Peruvian envoy to discuss the fishing dispute.", "CHLGOV 040 PERGOV asserted"},
		// The purpose of a meeting does not name whom it meets (a
		// crowd's gathering does: it petitions the governor); nor does
		// a date take the verb's target ("called Monday for").
		{"Chile and Peru will meet on Friday to hear Bolivia's reply.", "CHL 040 PER future; PER 040 CHL future"},
		{"About 500 Kenyan demonstrators gathered at the city hall to submit a petition to the governor.", "KENOPP 141 GOV asserted; KENOPP 020 GOV asserted"},
		{"The Kenyan minister called Monday for Uganda to reopen the border.", "KENGOV 020 UGA asserted"},
		// Raids are attacks (not "stepped up" cooperation).
		{"Kenyan forces have stepped up raids on Somali militants.", "KENMIL 190 SOMUAF asserted"},
		// An operation is military when an army runs it, not carmakers.
		{"Kenyan carmakers plan to start operations in Uganda.", ""},
		{"The Kenyan army launched an operation against Ugandan rebels.", "KENMIL 190 UGAREB asserted"},
		// A complaint speaks for whoever filed it, also when the parser
		// hangs its clause on the body it went to.
		{"Kenya has filed a complaint at the World Trade Organisation alleging the Ugandan loans to the airline amount to illegal aid.", "KEN 114 IGOBUSWTO asserted; KEN 110 UGA asserted"},
		// A condition covers the verb its clause's verb completes.
		{"Kenya will leave the talks unless Uganda agrees to send aid to Somalia.", "UGA 030 SOM conditional; UGA 070 SOM conditional"},
		// What happened before is another event: its words make no
		// pattern of this one.
		{"Kenya announced a suspension of trade links with Uganda on Friday, two days after a Ugandan fighter jet downed a plane carrying truce observers.", "KEN 160 UGA asserted"},
		// "that" with a subject after it opens what was said, not a
		// relative clause of the noun before it.
		{"The Kenyan minister said through a spokeswoman that Nairobi had imposed fresh restrictions on business with Somalia.", "KEN 1721 SOM asserted"},
		// The agency before its name speaks; it is no appositive of
		// what was condemned.
		{"Kenya condemned the military drill by Uganda, the official news agency KNA said.", "KEN 111 UGA reported"},
		// A suicide bomber's "bomber" is no aeroplane.
		{"A Kenyan suicide bomber blew himself up at the Ugandan embassy.", "KENREB 1831 UGAGOV asserted"},
		// What an attack was done to did not do what the attack did.
		{"The bombing of the Kenyan embassy killed twelve Somali civilians.", ""},
		{"The Somali rebels' bombing of the Kenyan embassy killed twelve Somali civilians.", "SOMREB 202 SOMCVL asserted"},
		// A discard phrase drops the clause it is in: the main clause
		// drops the sentence, a subordinate clause only itself.
		{"Chile condemned Peru in 1999.", ""},
		{"The rebels in Fiji said they would release the prime minister of Fiji, whom they seized weeks ago.", "FJIREB 084 FJIGOV future"},
		// "Not only" adds what it says; it does not deny it.
		{"Kenya's response not only damages its relations with Uganda but also hurts trade.", "KEN 160 UGA asserted"},
		// Every act of a demand's clause is demanded, not done.
		{"Kenya demanded that the rebels lay down their arms and release the Ugandan hostages.", "KEN 100 KENREB asserted; KENREB 0841 UGA hypothetical"},
		// What a pair one is part of should do is a proposal, not an
		// appeal; what someone would have to do, a forecast.
		{"Visiting Kampala, the Kenyan minister said both countries should expand their trade in maize.", "KENGOV 042 UGA asserted; UGA 043 KENGOV asserted; UGA 060 KEN hypothetical; KEN 060 UGA hypothetical"},
		{"The Kenyan minister said Uganda would have to cut its tariffs on maize.", ""},
		{"The Kenyan minister said Uganda must cut its tariffs on maize.", "KENGOV 100 UGA asserted"},
		// A verb conjoined without an auxiliary of its own shares its
		// first conjunct's.
		{"The Kenyan president will visit Kampala next week and meet the Ugandan president.", "KENGOV 042 UGA future; UGA 043 KENGOV future; KENGOV 040 UGAGOV future"},
		// A demand is on whom its clause names; UNITA is Angolan (AGO,
		// not the Phoenix entry's old ANG).
		{"The Kenyan minister reiterated his demand that Uganda withdraw its troops from the border.", "KENGOV 100 UGA asserted"},
		{"UNITA rebels attacked an Angolan army post.", "AGOREB 190 AGOMIL asserted"},
		// A day the parser took for the object is when; the noun before
		// it is the object.
		{"The Kenyan president urged senior Ugandan officials Monday to send aid to Somalia.", "KENGOV 020 UGAGOV asserted; UGAGOV 070 SOM hypothetical"},
		// The clause of a noun of asking is asked for, the noun's
		// possessive pronoun its subject's; a date's "on" is no "press on".
		{"Chile renewed its demand that Peru ease the restrictions on Bolivian fishermen.", "CHL 100 PER asserted; PER 080 BOLAGR hypothetical"},
		{"Chile demanded on Friday that Peru withdraw its warships.", "CHL 100 PER asserted"},
		// What an infinitive hung on the urged object completes is urged
		// too.
		{"The envoy urged the international community to keep sending aid to Yemeni families.", "GOV 020 IGO asserted; IGO 070 YEM hypothetical"},
		// An infinitive the parser hung on the urged object (a list of
		// them) is urged all the same.
		{"Last year Nairobi urged Zairean President Mobutu and Kabila to open negotiations in Mombasa, despite the objections of the generals.", "KEN 020 CODGOV asserted; KEN 020 CODELI asserted; CODGOV 046 CODELI hypothetical; CODELI 046 CODGOV hypothetical"},
		// An infinitive conjoined to an urged one is urged too, without
		// the first one's "not".
		{"The leader of Kenya's biggest party urged Ugandan ministers not to withdraw Ugandan troops from Somalia but to transfer greater military powers to the Somali government.", "KENGOV 020 UGAGOV asserted; UGAGOV 0874 SOM negated; UGAGOV 062 SOMGOV hypothetical"},
		// A conjoined verb with a passive auxiliary of its own is passive.
		{"The Malian rebels had seized Bamako and are accused by Paris of maintaining ties with al-Qaeda.", "MLIREB 171 MLI asserted; FRA 112 MLIREB asserted"},
		// An act one is accused of is alleged, not done.
		{"A Kenyan man suspect of murdering the director of the prison has escaped.", "KENPPL 190 COP hypothetical"},
		// One travels with companions, not to them.
		{"The Kenyan president has arrived in Uganda with a big group of bankers.", "KENGOV 042 UGA asserted"},
		// What needs to be done to someone asks nothing of them.
		{"The Kenyan president spoke about the Ugandan rebels on Monday. They need to be dealt with through dialogue, he told reporters.", ""},
		// A title with nothing before it is an office, not someone.
		{"Britain had supported a rival Kenyan candidate for president.", "GBR 050 KEN asserted"},
		// One who flies to a place visits it; aircraft flying into it
		// are an air force's alert.
		{"The Kenyan president flew to Kampala on Monday for talks.", "KENGOV 042 UGA asserted"},
		{"Russian bombers flew into Georgian airspace on Monday.", "RUSMIL 154 GEO asserted"},
		// To run into trouble with someone is no meeting with them.
		{"The Kenyan project ran into trouble with the Ugandan government last year.", ""},
		// Those by whom something was done did it together, not to one
		// another.
		{"Other contingents will be supplied by Kenya, Uganda and Rwanda next month.", ""},
		// "Issue" alone is no grant; what is issued may say what was done.
		{"The Kenyan ministry issued a notice on Thursday on the fees paid by Ugandan traders.", ""},
		{"The Kenyan ministry issued a statement condemning Uganda.", "KENGOV 010 UGA asserted; KENGOV 111 UGA asserted"},
		// "Going to" before a verb is its future, no going anywhere.
		{"Kenya is going to attack Uganda.", "KEN 190 UGA future"},
		// A pair the source's country is one of is not acted on by it
		// (the pair is asked to increase their trade with each other).
		{"The Kenyan president met the Ugandan president in Nairobi on Monday. The Kenyan president later called on the two countries to increase their trade in tea.", "KENGOV 040 UGAGOV asserted; UGA 060 KEN hypothetical; KEN 060 UGA hypothetical"},
		// To take over an office is no seizure; to take over a town is.
		{"Kenya takes over the presidency of the regional bloc from Uganda next month.", ""},
		{"Kenyan rebels took over the town of Gulu in Uganda on Sunday.", "KENREB 171 UGA asserted"},
		// What happened during something else is no part of it.
		{"The Kenyan minister told reporters during a visit to a Ugandan hospital that the talks had failed.", ""},
		// "off" tagged as a preposition right after its verb is its
		// particle.
		{"Kenyan soldiers have cordoned off the roads leading into Uganda along the border.", "KENMIL 144 UGA asserted"},
		// Agents conjoined before "in X and Y" are of each country.
		{"Lawmakers and officials in Kenya and Uganda welcomed a resumption of formal diplomatic ties with Somalia.", "KENLEG 051 SOM asserted; UGALEG 051 SOM asserted; UGAGOV 051 SOM asserted; KENGOV 051 SOM asserted"},
		// To call something something is no call for anything.
		{"Kenya on Tuesday called the Ugandan verdict \"a milestone\" for Somalis.", ""},
		// "Business" alone is trade; business groups are its people.
		{"Kenya and Uganda drafted agreements to facilitate increased business between the two countries.", "KEN 014 UGA asserted; UGA 014 KEN asserted; KEN 060 UGA future; UGA 060 KEN future"},
		{"Kenyan business groups have pressed the Ugandan government for lower tariffs.", "KENBUS 100 UGAGOV asserted"},
		// A settlement is an accord or a place, not its people.
		{"Kenya was still hoping for a peaceful settlement ahead of the Ugandan election.", ""},
		// Demonyms parley adds to the Phoenix names.
		{"Swedish police arrested two Slovenian journalists on Monday.", "SWECOP 173 SVNMED asserted"},
		// What is discussed is no one discussed with; whom with may hang
		// deeper ("by phone with …").
		{"The Kenyan minister discussed Somalia's debt by phone with the Ugandan foreign minister.", "KENGOV 040 UGAGOV asserted; UGAGOV 040 KENGOV asserted"},
		{"The Kenyan ministers are expected to discuss Somalia at their meeting next week.", ""},
		// Talks on someone's fate are not with them.
		{"Kenyan and Ugandan officials will sit down for talks on the return of Somali refugees in Nairobi next month.", "KENGOV 036 UGAGOV future; UGAGOV 036 KENGOV future"},
		// "…, urged the ambassador": who urged, not whom.
		{"Kenyan farmers should take advantage of the strong links between the two countries, urged Ugandan ambassador to Kenya Grace Akello while addressing journalists.", ""},
		// Nor is facing something.
		{"Facing falling ratings at home over the drought, the Kenyan president has hailed the Ugandan election.", "KENGOV 051 UGA asserted"},
		// To meet criteria is no meeting; meeting on a day is.
		{"Kenya has to meet strict criteria set by Uganda before it can join the union.", ""},
		{"The Kenyan minister met Tuesday with the Ugandan president.", "KENGOV 040 UGAGOV asserted"},
		// Stepping up efforts to persuade someone to accept peacekeepers
		// steps up no peacekeeping, nor shows force.
		{"The Kenyan envoy stepped up efforts to persuade Uganda to accept a peacekeeping force.", "KENGOV 050 UGA future"},
		// A subject beside a passive auxiliary was acted on, whatever the
		// parser calls it.
		{"Some 40 Somali militants have also been killed, and nearly 3,500 residents of the district were forced to flee their villages because of the clashes, the army said.", ""},
		// ", with X doing": X is no companion but the subject of a
		// clause of circumstance.
		{"Kenyan officials met in Nairobi, with Uganda too sending observers.", ""},
		{"Kenyan officials have spoken out against the hanging, with Uganda too lending a voice to the campaign.", ""},
		// To speak out against someone is to criticize them; a deal
		// signed is an agreement signed.
		{"Kenya spoke out against Uganda.", "KEN 111 UGA asserted"},
		{"Kenya and Uganda signed a deal.", "KEN 057 UGA asserted; UGA 057 KEN asserted"},
		// One goes to a place, not to where one set out from.
		{"The Kenyan delegation arrived here from Uganda on Monday.", ""},
		{"The Kenyan envoy traveled from Kampala in Uganda to Arusha in Tanzania.", "KENGOV 042 TZA asserted"},
		// "would" under a verb of speech is the future of a past
		// statement, whoever made it.
		{"Radio Zamoro said the Kenyan minister would visit Uganda next week.", "KENGOV 042 UGA future; UGA 043 KENGOV future"},
		// The noun after "said" that the parser left without its clause
		// is that clause's subject.
		{"Kenyan officials said Ugandan troops, who crossed the border on Monday, had attacked two Kenyan villages.", "UGAMIL 190 KENCVL reported"},
		// Jewish settlers are Israel's, wherever they live.
		{"Jewish settlers attacked Palestinian farmers near Hebron.", "ISRCVL 190 PSEAGR asserted"},
		// To dig in is to entrench, not to probe.
		{"Somali rebels vowed to dig in for a lengthy war with Kenya.", ""},
		// "Is to" arranges an act, with the subject UD puts outside the
		// copula ("nsubj:outer"); "is to blame" arranges nothing.
		{"The Chilean foreign minister is to visit Peru next week.", "CHLGOV 042 PER future; PER 043 CHLGOV future"},
		{"The Chadian president was to meet his Nigerien counterpart on Friday.", "TCDGOV 040 NERGOV future"},
		{"Uganda is to blame for the attack on Kenya, Kenyan officials said.", ""},
		{"Talks between Kenya and Uganda are to resume on Monday.", "KEN 036 UGA future; UGA 036 KEN future"},
		// An act hedged ("allegedly"), held by unnamed others ("are
		// believed to have") or weighed ("is considering") is not
		// established.
		{"Kenyan troops allegedly attacked Ugandan villages.", "KENMIL 190 UGACVL hypothetical"},
		{"Kenyan troops are believed to have attacked Ugandan villages.", "KENMIL 190 UGACVL hypothetical"},
		{"Kenya is considering expelling Ugandan diplomats.", "KEN 161 UGAGOV hypothetical"},
		// An act almost done, or one the parties are close to, is not done.
		{"Kenya almost reached an agreement with Uganda.", "KEN 032 UGA hypothetical"},
		{"Kenya and Uganda were close to reaching an agreement.", "KEN 032 UGA hypothetical; UGA 032 KEN hypothetical"},
		{"Kenya reached an agreement with Uganda.", "KEN 032 UGA asserted"},
		{"Kenya closed the border to prevent Ugandan rebels from crossing.", "KEN 120 UGAREB asserted"},
		// A verb of going with an object moves the object: rushing troops
		// to a country is no visit to it; rushing there is, and welcoming
		// visitors is hosting them.
		{"The Kenyan government will rush troops to Uganda.", ""},
		{"The Kenyan president rushed to Uganda.", "KENGOV 042 UGA asserted; UGA 043 KENGOV asserted"},
		{"Kenya welcomed Ugandan ministers to Nairobi.", "KEN 043 UGAGOV asserted; UGAGOV 042 KEN asserted"},
		{"Kenya welcomed Ugandan tourists to Nairobi.", ""},
		// Two names joined by a hyphen before a noun are the parties of a
		// border, railway or relations, not an actor.
		{"The Kenyan president praised the Kenya-Uganda railway.", ""},
		// To greet someone is to receive them, not to praise them.
		{"The Ugandan delegation was greeted at the airport by Kenyan leaders.", "KENGOV 043 UGAGOV asserted; UGAGOV 042 KENGOV asserted"},
		// Approving or passing a text alone is no yielding to anyone;
		// what a law does speaks for the body that passed it.
		{"The Kenyan parliament approved a bill obliging the government to cut fuel taxes.", ""},
		{"The Kenyan parliament passed a law allowing Ugandan traders to work in Kenya.", "KENLEG 080 UGABUS asserted"},
		{"Kenya ratified the treaty with Uganda.", "KEN 031 UGA asserted; UGA 031 KEN asserted"},
		// Winning is fighting only with arms; breaking a record or rules
		// is no violence.
		{"Kenyan troops defeated Somalia.", "KENMIL 190 SOM asserted"},
		{"Kenya beat Uganda 2-1 on Sunday.", ""},
		{"The Ugandan president defeated the Kenyan chancellor.", ""},
		{"Kenya broke Uganda's record.", ""},
		{"Kenya is breaking EU trade rules.", ""},
		// A particle is its own verb's: "follow-up talks" are held, not
		// held up.
		{"Kenya will hold follow-up discussions with Uganda next week.", "KEN 046 UGA future; UGA 046 KEN future"},
		// A sending backed is not yet done, and the troops a state would
		// send are its own: not what it backs or refuses (where
		// villagers pressing the police do act on them).
		{"France backed sending more troops to Mali.", "FRA 062 MLI hypothetical"},
		{"The Nigerian government refused to send more soldiers.", ""},
		{"The villagers protested to pressure the police.", "CVL 140 COP asserted"},
		// No plan to act is no intent.
		{"Kenya said it had no plans to attack Uganda.", "KEN 190 UGA negated"},
		// A headline's infinitive announces what is to come.
		{"Kenya to host Ugandan president", "KEN 043 UGAGOV future; UGAGOV 042 KEN future"},
		// A meeting that took place is a consultation, not an intent to meet.
		{"The Kenyan minister met with Ugandan leaders.", "KENGOV 040 UGAGOV asserted"},
		// A host hosts people, not a place or a ceremony.
		{"Kenya hosted the Ugandan president.", "KEN 043 UGAGOV asserted; UGAGOV 042 KEN asserted"},
		{"The Kenyan province hosts a large US naval base.", ""},
		{"The Kenyan president hosted a ceremony at the Hall of the People.", ""},
		// A past participle conjoined with a predicate of "be" is passive.
		{"A Kenyan journalist was cowardly and brutally murdered in Uganda, the Kenyan minister said.", ""},
		// What one agrees should happen names no one one agrees with.
		{"The Kenyan ministers agreed that Uganda should cut its tariffs on maize.", ""},
		// Those of one country who attend a summit together do not
		// thereby meet one another; those of two countries do.
		{"The Kenyan president and other leaders and representatives attended the summit on Friday.", ""},
		{"Kenyan officials and Ugandan officials attended the regional summit on Friday.", "KENGOV 044 UGAGOV asserted; UGAGOV 044 KENGOV asserted"},
		// To recognise a state is diplomatic recognition (054), each of
		// those conjoined; its efforts, praise; a phrase a preposition
		// introduces, neither.
		{"Kenya does not recognise Uganda.", "KEN 054 UGA negated"},
		{"Kenya recognised Uganda and Tanzania last year.", "KEN 054 UGA asserted; KEN 054 TZA asserted"},
		{"Kenya recognised the efforts of Uganda.", "KEN 051 UGA asserted"},
		// A gerund clause opened by a preposition inside a phrase of the
		// verb has its own words: blaming is no arrest.
		{"Kenya blamed the unrest on the Ugandan police's ways in pursuing suspects.", "KEN 112 UGACOP asserted"},
		// What talks are about names no one they are with.
		{"Kenyan officials were holding discussion on how to react to Uganda's decision.", ""},
		{"Kenya and Uganda held talks over the future of Somalia.", "KEN 046 UGA asserted; UGA 046 KEN asserted"},
	} {
		if got := strings.Join(code(t, p, c.text), "; "); got != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.text, got, c.want)
		}
	}
}

// TestPloverType checks the PLOVER type of events the text does not assert
// as done: promised cooperation is AGREE, announced force THREATEN,
// refused cooperation REJECT; the CAMEO code stays the act's own.
func TestPloverType(t *testing.T) {
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"France will send humanitarian aid to Mali.", "073 future AGREE"},
		{"France sent humanitarian aid to Mali.", "073 asserted AID"},
		{"The farmers of France said they would blockade Paris next week.", "170 future THREATEN"},
		{"Egypt refused to send peacekeepers to Libya.", "120 asserted REJECT"},
		{"Egypt will not send peacekeepers to Libya.", "0334 negated REJECT"},
		{"Egypt did not send peacekeepers to Libya.", "0334 negated AGREE"},
		{"France would send humanitarian aid to Mali if the fighting stopped.", "073 conditional AGREE"},
		// A code the tables lack takes its nearest ancestor's type.
		{"North Korea hacked into the computers of the South Korean army.", "176 asserted COERCE"},
	} {
		d := parley.NewDoc(c.text)
		if err := p.Run(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(d.Events) > 0 {
			e := d.Events[0]
			got = strings.Join([]string{e.Code, string(e.Mode), e.Plover}, " ")
		}
		if got != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.text, got, c.want)
		}
	}
}

// FuzzCode checks the event records' invariants on any text, with the
// default options and with every option on: triggers inside their
// sentence, references to existing actors whose codes the event carries,
// codes of the CAMEO table, a known modality, actors with a code or a
// name.
func FuzzCode(f *testing.F) {
	for _, s := range []string{"Russian forces attacked Kyiv.", "He said talks would resume.", "", "Moscow and Kyiv met. The two sides agreed."} {
		f.Add(s)
	}
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		f.Fatal(err)
	}
	// The same with every option on: single-actor events, new actors,
	// comma clauses left out.
	commas := eventcode.PetrarchCommas
	all := pipeline.DefaultConfig()
	all.Coding = eventcode.Config{OneActor: true, NewActorLength: 4, Commas: &commas}
	pAll, err := pipeline.Build(all)
	if err != nil {
		f.Fatal(err)
	}
	modes := map[parley.Modality]bool{parley.Asserted: true, parley.Future: true, parley.Conditional: true,
		parley.Hypothetical: true, parley.Negated: true, parley.Reported: true}
	f.Fuzz(func(t *testing.T, text string) {
		for _, p := range []*pipeline.Pipeline{p, pAll} {
			checkEvents(t, p, text, modes)
		}
	})
}

// checkEvents runs p on text and checks the invariants of FuzzCode.
func checkEvents(t *testing.T, p *pipeline.Pipeline, text string, modes map[parley.Modality]bool) {
	d := parley.NewDoc(text)
	if err := p.Run(t.Context(), d); err != nil {
		t.Skip()
	}
	for k, e := range d.Events {
		if e.Sentence < 0 || e.Sentence >= len(d.Sentences) || !d.Sentences[e.Sentence].Tokens.Contains(e.Trigger) || e.Trigger.Empty() {
			t.Fatalf("event %d: trigger %v outside sentence %d", k, e.Trigger, e.Sentence)
		}
		for _, r := range []struct {
			ref  int
			code string
		}{{e.SourceRef, e.Source}, {e.TargetRef, e.Target}, {e.ReportedByRef, e.ReportedBy}} {
			if r.ref < -1 || r.ref >= len(d.Actors) || r.ref >= 0 && d.Actors[r.ref].Code != r.code || r.ref < 0 && r.code != "" {
				t.Fatalf("event %d: actor ref %d with code %q", k, r.ref, r.code)
			}
		}
		if e.SourceRef < 0 && e.TargetRef < 0 {
			t.Fatalf("event %d has no actor", k)
		}
		if !cameo.Valid(e.Code) || !modes[e.Mode] || e.Pattern == "" {
			t.Fatalf("event %d: code %q mode %q pattern %q", k, e.Code, e.Mode, e.Pattern)
		}
		if e.Confidence < 0 || e.Confidence > 1 || e.Confidence != eventcode.Confidence(d, &d.Events[k]) {
			t.Fatalf("event %d: confidence %v (recomputed: %v)", k, e.Confidence, eventcode.Confidence(d, &d.Events[k]))
		}
	}
	for k, a := range d.Actors {
		if a.Tokens.Empty() || a.Tokens.Start < 0 || a.Tokens.End > len(d.Tokens) || a.Code == "" && a.Name == "" {
			t.Fatalf("actor %d: %+v", k, a)
		}
	}
	for k, q := range d.Quotes {
		if q.Sentence < 0 || q.Sentence >= len(d.Sentences) || !d.Sentences[q.Sentence].Tokens.Contains(q.Tokens) || q.Tokens.Empty() ||
			q.Speaker < -1 || q.Speaker >= len(d.Actors) || q.Speaker >= 0 && d.Actors[q.Speaker].Code != q.SpeakerCode {
			t.Fatalf("quote %d: %+v", k, q)
		}
	}
}

func TestQuotes(t *testing.T) {
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{`The Kremlin said the offer was "dead on arrival" and would be ignored.`, "RUSGOV dead on arrival"},
		{`"We will not retreat," Ukrainian President Volodymyr Zelensky told reporters.`, "UKRGOV We will not retreat,"},
		{`Someone wrote "nothing" on the wall.`, "- nothing"},
	} {
		d := run(t, p, c.text)
		var got []string
		for _, q := range d.Quotes {
			sp := "-"
			if q.Speaker >= 0 {
				sp = d.Actors[q.Speaker].Code
			}
			got = append(got, sp+" "+d.SpanText(q.Tokens))
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.text, g, c.want)
		}
	}
}

// TestEventDates checks that an event takes the date of the temporal
// expression hanging from its trigger, from the verb its noun is the
// subject of, or from the noun of its verb's oblique, or, for an unmarked
// participle, from its clause's verb, and the document's date otherwise;
// an event dated after the article is to come.
func TestEventDates(t *testing.T) {
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want, trigger string }{
		{"Russian forces attacked Ukrainian troops on Monday.", "2025-07-21 day", ""},
		{"Talks between Sudan and Chad will take place on Wednesday in Doha.", "2025-07-23 day future", ""},
		{"Egypt condemned Israel in May.", "2025-05-01 month", ""},
		{"Egypt condemned Israel.", "2025-07-22 ", ""},
		// An act named by a noun is dated as its verb's object is.
		{"Kenyan strikes on Somalia killed 20 people on Monday, Somali officials said.", "2025-07-21 day", "strikes"},
		// A time an act must be done by, or lasts until, does not date
		// it: an ultimatum is given when it is given.
		{"Kenya gave Uganda until September 1 to withdraw its troops.", "2025-07-22 ", "gave"},
		{"Kenya will withdraw its troops from Somalia by Friday.", "2025-07-22  future", ""},
		{"The leaders of Egypt and Jordan meet at a summit next month.", "2025-08-01 month future", ""},
		{"Egypt and Jordan sign an accord on Friday.", "2025-07-25 day future", ""},
		// A participle's act is when its clause's is.
		{"On Monday, Russian artillery shelled the city of Kharkiv, wounding three Ukrainian soldiers.", "2025-07-21 day", "wounding"},
		// So is a conjoined verb's without a subject of its own.
		{"On Monday, Kenyan police raided a camp and arrested twelve Somali refugees.", "2025-07-21 day", "arrested"},
		{"The Kenyan president arrived in Tokyo on Monday and held talks with the Japanese premier.", "2025-07-21 day", "talks"},
		// And a journey's purpose.
		{"The Kenyan president flew to Kampala on Monday to meet Ugandan officials.", "2025-07-21 day", "meet"},
		{"Somali and Kenyan officials gathered in Nairobi on Monday to discuss the border.", "2025-07-21 day", "discuss"},
		// What is agreed to is dated by the agreement; a "when" clause by
		// its main clause; an act by a date hung on where it happened.
		{"Kenya agreed on Monday to send troops to Somalia.", "2025-07-21 day future", "send"},
		{"The talks collapsed on Monday when Sudanese officials accused Chad of backing the rebels.", "2025-07-21 day", "accused"},
		{"Kenyan police arrested twelve Somali men in Garissa on Monday.", "2025-07-21 day", ""},
		// A material act's, an agreement's or a meeting's object is
		// dated when it is: "signed an agreement in May".
		{"Kenya and Uganda signed a border agreement in May which ends the dispute.", "2025-05-01 month", ""},
		// A date the parser hung on the subject is the verb's.
		{"The Kenyan government in May rejected a Ugandan proposal.", "2025-05-01 month", ""},
		{"Ugandan President Yoweri Museveni on May 18 met the Kenyan president.", "2025-05-18 day", ""},
	} {
		d := run(t, p, c.text)
		k := slices.IndexFunc(d.Events, func(e parley.Event) bool { return c.trigger == "" || d.SpanText(e.Trigger) == c.trigger })
		if k < 0 {
			t.Errorf("%s: no event (on %q)", c.text, c.trigger)
			continue
		}
		got := d.Events[k].Date.Format("2006-01-02") + " " + d.Events[k].Precision
		if m := d.Events[k].Mode; m == parley.Future {
			got += " " + string(m) // dated after the article: to come
		}
		if got != c.want {
			t.Errorf("%s: date %s, want %s", c.text, got, c.want)
		}
	}
}

// TestEventPlaces checks that an event takes the place of a locative
// phrase of its verb, or its dateline's for "here", and that a place
// acting is no place of the event.
func TestEventPlaces(t *testing.T) {
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want, trigger string }{
		{"Russian and Ukrainian officials met in Istanbul on Wednesday.", "Istanbul", ""},
		{"Talks between Russia and Ukraine will take place in Geneva.", "Genève", ""},
		{"Moscow attacked Kyiv.", "", ""},
		{"Egypt condemned Israel.", "", ""},
		{"The president of Chile arrived in Lima on Monday.", "Lima", ""},
		{"Jordan and Iraq signed an accord in the Iraqi capital, Baghdad.", "Baghdad", ""},
		{"Jordanian police arrested two Iraqi diplomats in Amman.", "Amman", ""},
		{"Egypt condemned the arrest of two Israeli soldiers in Gaza.", "", ""},
		// A meeting one attends is where it is held; one met is where
		// one meets.
		{"Chinese officials will attend the APEC meeting in Busan.", "Busan", ""},
		{"The Kenyan president will meet the Ugandan president in Kampala.", "Kampala", ""},
		// "Here" is where the story is filed: its dateline, when it has one.
		{"KYIV, July 21 (Reuters) - Russian and Ukrainian officials met here on Monday.", "Kyiv", ""},
		{"Russian and Ukrainian officials met here on Monday.", "", ""},
		// A place hung on the act's time, on what it happened in, or
		// on the journey it was the purpose of.
		{"Japanese and Chinese diplomats were to meet Thursday in Geneva.", "Genève", ""},
		{"Militiamen attacked a police post in a town near Bunia.", "Bunia", ""},
		{"Leaders of Peru and Chile arrived in Quito on Monday to attend the summit.", "Quito", "attend"},
		{"Egypt condemned Israel over an attack in a town near Rafah.", "", ""},
		// A place noun's name ("Mandera county", "the town of Mombasa"),
		// and a participle's act where its clause's is.
		{"Somali gunmen killed three Kenyan policemen in Mandera county.", "Mandera", ""},
		{"Somali gunmen killed three Kenyan policemen in the town of Mandera.", "Mandera", ""},
		{"Somali militants attacked a police station in Garissa, killing eight Kenyan policemen.", "Garissa", "killing"},
		// A material act is done where those who do it are.
		{"Police in Lahore arrested two Indian fishermen.", "Lahore", ""},
	} {
		d := run(t, p, c.text)
		if len(d.Events) == 0 {
			t.Errorf("%s: no event", c.text)
			continue
		}
		e := d.Events[0]
		if c.trigger != "" {
			k := slices.IndexFunc(d.Events, func(e parley.Event) bool { return d.SpanText(e.Trigger) == c.trigger })
			if k < 0 {
				t.Errorf("%s: no event of %q", c.text, c.trigger)
				continue
			}
			e = d.Events[k]
		}
		got := ""
		if k := e.Place; k >= 0 {
			got = d.Places[k].Name
		}
		if got != c.want {
			t.Errorf("%s: place %q, want %q", c.text, got, c.want)
		}
	}
}

// TestDeadlines checks the time limits found in sentences of ours,
// published on 22 July 2025.
func TestDeadlines(t *testing.T) {
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"Washington gave Moscow 50 days to reach a deal.", "USA->RUS 2025-09-10 approximate \"50 days\" if \"to reach a deal\""},
		{"Egypt demanded that Israel withdraw its troops by Friday.", "EGY->ISR 2025-07-25 \"Friday\""},
		{"Turkey set a 10-day deadline for Greece.", "TUR->GRC 2025-08-01 approximate \"10-day\""},
		{"The Kremlin warned Ukraine of grave consequences should there be no agreement within two weeks.", "RUSGOV->UKR 2025-08-05 approximate \"two weeks\" if \"should there be no agreement within two weeks\""},
		{"Prices rose within two days.", ""},
		{"The talks ended by Friday.", ""},
	} {
		d := run(t, p, c.text)
		var got []string
		for _, dl := range d.Deadlines {
			s := dl.SetBy + "->" + dl.On + " " + dl.Due.Format("2006-01-02")
			if dl.Approximate {
				s += " approximate"
			}
			s += fmt.Sprintf(" %q", d.SpanText(dl.Tokens))
			if !dl.Condition.Empty() {
				s += fmt.Sprintf(" if %q", d.SpanText(dl.Condition))
			}
			got = append(got, s)
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.text, g, c.want)
		}
	}
}

// TestListChain codes a list of countries the parser hung as a chain
// ("Italy" a conjunct of "Spain", not of "France"), given as a tree: every
// item of "the ambassadors of …" acts.
func TestListChain(t *testing.T) {
	text := "The ambassadors of France, Spain and Italy met the Polish president."
	// form UPOS XPOS head(0-based, -1 root) deprel lemma
	rows := []string{
		"The DET DT 1 det the", "ambassadors NOUN NNS 8 nsubj ambassador", "of ADP IN 3 case of",
		"France PROPN NNP 1 nmod France", ", PUNCT , 5 punct ,", "Spain PROPN NNP 3 conj Spain",
		"and CCONJ CC 7 cc and", "Italy PROPN NNP 5 conj Italy", "met VERB VBD -1 root meet",
		"the DET DT 11 det the", "Polish ADJ JJ 11 amod Polish", "president NOUN NN 8 obj president",
		". PUNCT . 8 punct .",
	}
	d := parley.NewDoc(text)
	d.Published = time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC)
	at := 0
	for _, r := range rows {
		f := strings.Fields(r)
		start := at + strings.Index(text[at:], f[0])
		at = start + len(f[0])
		head, _ := strconv.Atoi(f[3])
		d.Tokens = append(d.Tokens, parley.Token{Start: start, End: at, UPOS: f[1], XPOS: f[2], Head: head, DepRel: f[4], Lemma: f[5]})
	}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: len(rows)}}}
	d.Layers = parley.LayerTokens | parley.LayerSentences | parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps
	p, err := pipeline.Build(pipeline.Config{Stages: []string{"actor", "eventcode"}, Have: d.Layers})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(codes(d), "; ")
	if want := "FRAGOV 040 POLGOV asserted; ESPGOV 040 POLGOV asserted; ITAGOV 040 POLGOV asserted"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestTimePhrase checks that a pattern's words are not read in a clause
// of time: "before allowing aid convoys" gives "demanded" no aid code.
func TestTimePhrase(t *testing.T) {
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	d := run(t, p, "Kenyan rebels demanded a truce with Ugandan forces before allowing aid convoys to reach Ugandan villages.")
	found := false
	for _, e := range d.Events {
		if d.TokenText(e.Trigger.Start) == "demanded" {
			found = true
			if e.Code != "1056" {
				t.Errorf("demanded: code %s (pattern %s), want 1056 (a truce demanded)", e.Code, e.Pattern)
			}
		}
	}
	if !found {
		t.Errorf("no event for \"demanded\": %v", codes(d))
	}
}
