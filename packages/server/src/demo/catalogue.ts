/**
 * The product catalogue of the demo town: about 5,600 products with valid GTINs. Books
 * carry ISBN-13s in the Dutch-language groups 978-90 and 978-94; everything else gets an
 * EAN-13 under an invented GS1 Nederland company prefix (87…). Names are built from
 * templates (type + variant + colour/size) so they contain the words shoppers type.
 */
import { gs1CheckDigit, type Product } from '@lokaal/core';
import { Random } from './random.js';
import { shelfPriceCents, slugify } from './text.js';

/** A product with what the generator needs to make offers for it. */
export interface CatalogueItem {
  product: Product;
  /** Suggested retail price; shops deviate a little from it (books excepted). */
  basePriceCents: number;
  /** Relative chance that a shop stocks it: bestsellers are everywhere, the long tail is not. */
  popularity: number;
  /** Finer grouping within the category, e.g. `kinderboek` or `fietsbel`. */
  segment: string;
  /** The product's path segment in shop URLs: `fietsbel-klassiek-zilver`. */
  slug: string;
}

interface ProductLine {
  category: string;
  segment: string;
  /** Each product name takes one option from every part, in order; empty options are skipped. */
  parts: readonly (readonly string[])[];
  priceCents: readonly [number, number];
  /** At most this many products from the line (the combinations are shuffled first). */
  limit?: number;
}

function line(
  category: string,
  segment: string,
  priceCents: readonly [number, number],
  parts: readonly (readonly string[])[],
  limit?: number,
): ProductLine {
  return limit === undefined
    ? { category, segment, parts, priceCents }
    : { category, segment, parts, priceCents, limit };
}

const SIZES_CLOTHING = ['S', 'M', 'L', 'XL'];
const COLOURS_BASIC = ['zwart', 'wit', 'grijs', 'blauw', 'rood', 'groen'];

const PRODUCT_LINES: readonly ProductLine[] = [
  // fietsen
  line(
    'fietsen',
    'fietsbel',
    [499, 1999],
    [
      ['Fietsbel'],
      ['klassiek', 'mini', 'retro', 'ding-dong', 'kinder', 'aluminium', 'messing'],
      ['zilver', 'zwart', 'mat zwart', 'rood', 'mintgroen', 'koper', 'goud', 'wit', 'blauw'],
    ],
    48,
  ),
  line(
    'fietsen',
    'verlichting',
    [999, 6999],
    [
      ['Fietsverlichting set', 'Koplamp', 'Achterlicht'],
      ['LED', 'USB oplaadbaar', 'op batterijen', 'naafdynamo'],
      ['15 lux', '30 lux', '50 lux', '70 lux'],
    ],
    40,
  ),
  line(
    'fietsen',
    'banden',
    [499, 1299],
    [
      ['Binnenband'],
      [
        '28 x 1 5/8 x 1 3/8',
        '28 x 1.40',
        '26 x 1.75',
        '24 x 1 3/8',
        '20 x 1.75',
        '16 x 1.75',
        '12 1/2 x 2 1/4',
      ],
      ['Hollands ventiel', 'Frans ventiel', 'autoventiel'],
    ],
  ),
  line(
    'fietsen',
    'banden',
    [1499, 4999],
    [
      ['Buitenband'],
      ['anti-lek', 'city', 'touring', 'reflectie', 'winter'],
      ['28 x 1.40', '28 x 1.75', '26 x 2.00', '24 x 1.75', '20 x 1.75'],
    ],
  ),
  line(
    'fietsen',
    'sloten',
    [999, 8999],
    [
      ['Ringslot', 'Kettingslot', 'Vouwslot', 'Kabelslot', 'Beugelslot', 'Insteekketting'],
      ['ART-2', 'ART-3', 'basic', 'met code'],
      ['', 'zwart', '90 cm', '110 cm'],
    ],
    40,
  ),
  line(
    'fietsen',
    'tassen',
    [2499, 11999],
    [
      ['Fietstas', 'Dubbele fietstas', 'Stuurtas', 'Shopper fietstas'],
      ['waterdicht', 'gerecycled', 'canvas', 'leder look'],
      ['zwart', 'groen', 'grijs', 'cognac', 'blauw'],
      ['', '20 L', '30 L', '40 L'],
    ],
    40,
  ),
  line(
    'fietsen',
    'pompen',
    [999, 3999],
    [
      ['Fietspomp', 'Vloerpomp', 'Minipomp'],
      ['met manometer', 'aluminium', 'compact'],
      ['', 'voor alle ventielen'],
    ],
  ),
  line(
    'fietsen',
    'helmen',
    [2999, 9999],
    [
      ['Fietshelm'],
      ['volwassenen', 'kinder', 'e-bike', 'urban'],
      ['mat zwart', 'wit', 'grijs', 'mintgroen'],
      ['S', 'M', 'L'],
    ],
    24,
  ),
  line(
    'fietsen',
    'manden',
    [1999, 5999],
    [['Fietsmand'], ['voor', 'achter'], ['riet', 'metaal', 'kunststof', 'wilgenteen'], ['', 'met klep']],
  ),
  line(
    'fietsen',
    'kinderzitjes',
    [4999, 14999],
    [['Kinderzitje'], ['voor', 'achter'], ['bagagedrager', 'frame'], ['zwart', 'grijs', 'rood']],
  ),
  line(
    'fietsen',
    'onderdelen',
    [299, 5999],
    [
      [
        'Fietsketting',
        'Remblokjes',
        'Zadel',
        'Handvatten',
        'Spatbordset',
        'Fietsstandaard',
        'Snelbinders',
        'Bagagedrager',
        'Fietsspiegel',
        'Fietscomputer',
        'Reflectorset',
        'Kettingolie',
        'Bandenplakset',
      ],
      ['standaard', 'comfort', 'sport', 'e-bike'],
    ],
  ),
  line(
    'fietsen',
    'fietsen',
    [39999, 99999],
    [
      ['Stadsfiets', 'Transportfiets', 'Moederfiets', 'Vouwfiets'],
      ['3 versnellingen', '7 versnellingen', 'terugtraprem'],
      ['dames 53 cm', 'dames 57 cm', 'heren 57 cm', 'heren 61 cm'],
    ],
    30,
  ),
  line(
    'fietsen',
    'fietsen',
    [149999, 299999],
    [
      ['Elektrische fiets'],
      ['middenmotor', 'voorwielmotor'],
      ['dames 53 cm', 'dames 57 cm', 'heren 57 cm', 'heren 61 cm'],
      ['500 Wh', '625 Wh'],
    ],
  ),
  line(
    'fietsen',
    'fietsen',
    [14999, 34999],
    [['Kinderfiets'], ['12 inch', '16 inch', '20 inch', '24 inch'], ['roze', 'blauw', 'mintgroen', 'zwart']],
  ),

  // speelgoed
  line(
    'speelgoed',
    'bouwen',
    [1499, 7999],
    [
      ['Bouwstenen set'],
      ['basis', 'boerderij', 'ruimtevaart', 'brandweer', 'kasteel', 'dierentuin', 'politie', 'trein'],
      ['100 stuks', '250 stuks', '500 stuks'],
    ],
  ),
  line(
    'speelgoed',
    'puzzels',
    [799, 2499],
    [
      ['Puzzel'],
      [
        'Amersfoort',
        'Hollandse molens',
        'Grachten',
        'Bloemenveld',
        'Wereldkaart',
        'Boerderijdieren',
        'Vuurtorens',
        'Oude meesters',
      ],
      ['24 stukjes', '48 stukjes', '500 stukjes', '1000 stukjes', '1500 stukjes'],
    ],
  ),
  line(
    'speelgoed',
    'knuffels',
    [999, 3499],
    [
      ['Knuffel'],
      ['beer', 'konijn', 'olifant', 'uil', 'vos', 'eenhoorn', 'dinosaurus', 'hond', 'kat', 'panda'],
      ['klein 20 cm', 'groot 40 cm'],
    ],
  ),
  line(
    'speelgoed',
    'spellen',
    [1999, 4499],
    [
      ['Bordspel'],
      [
        'Keientrekkers',
        'Ganzenbord deluxe',
        'Polderpoker',
        'Dammen en schaken',
        'Handelsroute',
        'Torenklimmen',
        'Molenmania',
        'Op de markt',
      ],
    ],
  ),
  line(
    'speelgoed',
    'spellen',
    [499, 1299],
    [
      ['Kaartspel'],
      ['kwartet dieren', 'kwartet Nederland', 'memory vervoer', 'memory dieren', 'pesten', 'snap familie'],
    ],
  ),
  line(
    'speelgoed',
    'houten speelgoed',
    [1499, 12999],
    [
      [
        'Houten treinbaan',
        'Houten blokken',
        'Houten keukentje',
        'Houten poppenhuis',
        'Houten werkbank',
        'Houten vormenstoof',
      ],
      ['starter', 'uitbreiding', 'deluxe'],
    ],
  ),
  line(
    'speelgoed',
    'poppen',
    [1499, 4999],
    [['Pop'], ['baby', 'aankleed', 'lappen'], ['met fles', 'met kleertjes', 'met knuffeldoekje']],
  ),
  line(
    'speelgoed',
    'voertuigen',
    [599, 3999],
    [
      ['Speelgoedauto'],
      [
        'brandweerauto',
        'vuilniswagen',
        'tractor',
        'politieauto',
        'bus',
        'graafmachine',
        'kraanwagen',
        'racewagen',
      ],
      ['die-cast', 'met licht en geluid', 'hout'],
    ],
  ),
  line(
    'speelgoed',
    'knutselen',
    [799, 2499],
    [
      ['Knutselset'],
      [
        'kralen',
        'vilt',
        'strijkkralen',
        'klei',
        'sieraden',
        'schilderen op nummer',
        'origami',
        'sterrenhemel',
      ],
    ],
  ),
  line(
    'speelgoed',
    'knutselen',
    [299, 1999],
    [
      ['Kleurpotloden', 'Waskrijt', 'Stiften', 'Vingerverf', 'Stoepkrijt', 'Boetseerklei'],
      ['12 kleuren', '24 kleuren', '36 kleuren'],
    ],
  ),
  line(
    'speelgoed',
    'buitenspeelgoed',
    [199, 1999],
    [
      [
        'Bal',
        'Springtouw',
        'Frisbee',
        'Vlieger',
        'Waterpistool',
        'Bellenblaas',
        'Jojo',
        'Tol',
        'Knikkers',
        'Emmer en schep set',
      ],
      ['rood', 'blauw', 'groen', 'geel'],
    ],
  ),
  line(
    'speelgoed',
    'buitenspeelgoed',
    [3999, 12999],
    [
      ['Loopfiets', 'Step', 'Driewieler'],
      ['hout', 'metaal'],
      ['rood', 'blauw', 'mintgroen'],
    ],
  ),
  line(
    'speelgoed',
    'rollenspel',
    [999, 3999],
    [
      [
        'Speelgoed keukenset',
        'Dokterskoffer',
        'Gereedschapskist speelgoed',
        'Speelgoedkassa',
        'Theeservies speelgoed',
      ],
      ['hout', 'kunststof'],
    ],
  ),
  line(
    'speelgoed',
    'baby',
    [499, 2999],
    [
      ['Rammelaar', 'Bijtring', 'Badspeelgoed', 'Stapelbekers', 'Activiteitenkubus', 'Muziekmobiel'],
      ['0+ maanden', '6+ maanden', '12+ maanden'],
    ],
  ),
  line(
    'speelgoed',
    'wetenschap',
    [1499, 5999],
    [
      [
        'Experimenteerset',
        'Microscoop',
        'Kindertelescoop',
        'Kristallen kweken',
        'Vulkaan bouwen',
        'Robot bouwpakket',
      ],
      ['junior', 'gevorderd'],
    ],
  ),

  // keuken
  line(
    'keuken',
    'pannen',
    [1999, 8999],
    [
      ['Koekenpan', 'Hapjespan', 'Wokpan', 'Grillpan', 'Pannenkoekenpan'],
      ['keramisch', 'RVS', 'gietijzer', 'anti-aanbak'],
      ['Ø 20 cm', 'Ø 24 cm', 'Ø 28 cm'],
    ],
  ),
  line(
    'keuken',
    'pannen',
    [1999, 14999],
    [
      ['Braadpan', 'Kookpan', 'Steelpan', 'Soeppan', 'Snelkookpan'],
      ['RVS', 'geëmailleerd', 'gietijzer'],
      ['16 cm', '20 cm', '24 cm'],
    ],
  ),
  line(
    'keuken',
    'messen',
    [999, 12999],
    [
      ['Koksmes', 'Broodmes', 'Schilmesje', 'Santokumes', 'Vleesmes', 'Tomatenmes'],
      ['RVS', 'Damascus', 'keramisch'],
    ],
  ),
  line(
    'keuken',
    'snijplanken',
    [999, 5999],
    [['Snijplank'], ['bamboe', 'eikenhout', 'kunststof', 'walnoot'], ['klein', 'groot', 'XL']],
  ),
  line(
    'keuken',
    'koffie en thee',
    [1299, 5999],
    [
      ['Theepot', 'Koffiekan', 'Cafetière', 'Moka espressopot', 'Waterkaraf'],
      ['glas', 'RVS', 'aardewerk'],
      ['0,5 L', '1 L', '1,5 L'],
    ],
    30,
  ),
  line(
    'keuken',
    'keukengerei',
    [299, 2999],
    [
      [
        'Kaasschaaf',
        'Garde',
        'Pollepel',
        'Spatel',
        'Schuimspaan',
        'Pannenlikker',
        'Vergiet',
        'Rasp',
        'Knoflookpers',
        'Dunschiller',
        'Blikopener',
        'Kurkentrekker',
        'Keukenschaar',
        'Vleesthermometer',
        'Keukenweegschaal',
        'Maatbeker',
      ],
      ['RVS', 'siliconen', 'hout'],
    ],
  ),
  line(
    'keuken',
    'bakken',
    [799, 3999],
    [
      ['Bakvorm', 'Taartvorm', 'Cakevorm', 'Muffinvorm', 'Springvorm', 'Ovenschaal'],
      ['siliconen', 'staal', 'glas', 'keramiek'],
      ['20 cm', '24 cm', '28 cm'],
    ],
    40,
  ),
  line(
    'keuken',
    'bakken',
    [999, 2999],
    [
      ['Crème brûlée schaaltjes', 'Soufflé vormpjes', 'Ramekins', 'Tapasschaaltjes'],
      ['4 stuks', '6 stuks'],
      ['wit', 'zwart', 'terracotta'],
    ],
  ),
  line(
    'keuken',
    'servies',
    [399, 2999],
    [
      ['Bord', 'Ontbijtbord', 'Diep bord', 'Mok', 'Beker', 'Kom', 'Schaal'],
      ['aardewerk', 'porselein', 'steengoed'],
      ['wit', 'grijs', 'oker', 'zeegroen'],
    ],
    40,
  ),
  line(
    'keuken',
    'glaswerk',
    [1299, 3999],
    [
      ['Wijnglas', 'Waterglas', 'Bierglas', 'Champagneglas', 'Cocktailglas'],
      ['set van 4', 'set van 6'],
    ],
  ),
  line(
    'keuken',
    'bewaren',
    [499, 2999],
    [
      ['Vershouddoos', 'Voorraadpot', 'Broodtrommel', 'Lunchbox', 'Drinkfles', 'Thermosfles'],
      ['glas', 'RVS', 'bamboe', 'kunststof'],
      ['0,5 L', '1 L'],
    ],
    30,
  ),
  line(
    'keuken',
    'textiel',
    [399, 2499],
    [
      ['Theedoek', 'Vaatdoek', 'Ovenwant', 'Pannenlap', 'Keukenschort'],
      ['katoen', 'linnen'],
      ['gestreept', 'geruit', 'effen'],
    ],
    20,
  ),

  // elektronica
  line(
    'elektronica',
    'audio',
    [2999, 34999],
    [
      ['Koptelefoon'],
      ['over-ear', 'on-ear', 'noise cancelling', 'draadloos'],
      ['zwart', 'wit', 'blauw', 'beige'],
    ],
  ),
  line(
    'elektronica',
    'audio',
    [1999, 24999],
    [['Oordopjes'], ['draadloos', 'sport', 'met ruisonderdrukking', 'bedraad'], ['zwart', 'wit']],
  ),
  line(
    'elektronica',
    'audio',
    [2499, 29999],
    [['Bluetooth speaker'], ['mini', 'waterdicht', 'party', 'smart'], ['zwart', 'grijs', 'rood', 'blauw']],
  ),
  line(
    'elektronica',
    'opladen',
    [1999, 6999],
    [['Powerbank'], ['5.000 mAh', '10.000 mAh', '20.000 mAh'], ['USB-C', 'draadloos', 'snelladen']],
  ),
  line(
    'elektronica',
    'kabels',
    [599, 2999],
    [
      ['USB-C kabel', 'Lightning kabel', 'HDMI kabel', 'Verlengsnoer', 'Stekkerdoos'],
      ['1 m', '2 m', '3 m'],
      ['zwart', 'wit'],
    ],
  ),
  line(
    'elektronica',
    'opladen',
    [1499, 4999],
    [['Oplader'], ['USB-C 20 W', 'USB-C 65 W', 'dubbele USB', 'draadloos 15 W', 'auto 12 V']],
  ),
  line(
    'elektronica',
    'telefoons',
    [19999, 89999],
    [['Smartphone'], ['6,1 inch', '6,7 inch'], ['128 GB', '256 GB'], ['zwart', 'blauw', 'groen']],
  ),
  line(
    'elektronica',
    'computers',
    [19999, 79999],
    [['Tablet'], ['10 inch', '11 inch', '12,4 inch'], ['64 GB', '128 GB', '256 GB']],
  ),
  line(
    'elektronica',
    'computers',
    [44999, 89999],
    [
      ['Laptop'],
      ['14 inch', '15,6 inch', '16 inch'],
      ['8 GB RAM', '16 GB RAM', '32 GB RAM'],
      ['512 GB SSD', '1 TB SSD'],
    ],
  ),
  line(
    'elektronica',
    'computers',
    [9999, 29999],
    [['E-reader'], ['6 inch', '7 inch', '8 inch'], ['16 GB', '32 GB']],
  ),
  line(
    'elektronica',
    'wearables',
    [4999, 39999],
    [
      ['Smartwatch', 'Activity tracker'],
      ['40 mm', '44 mm'],
      ['zwart', 'zilver', 'roségoud'],
    ],
  ),
  line(
    'elektronica',
    'beeld',
    [29999, 89999],
    [['Televisie'], ['43 inch', '50 inch', '55 inch', '65 inch'], ['4K LED', '4K QLED', 'OLED']],
  ),
  line(
    'elektronica',
    'audio',
    [2999, 14999],
    [
      ['Radio', 'DAB+ radio', 'Wekkerradio', 'Internetradio'],
      ['retro', 'compact', 'met Bluetooth'],
      ['zwart', 'wit', 'walnoot'],
    ],
    20,
  ),
  line(
    'elektronica',
    'huishoudelijk',
    [1999, 49999],
    [
      [
        'Waterkoker',
        'Broodrooster',
        'Tosti-ijzer',
        'Blender',
        'Staafmixer',
        'Handmixer',
        'Citruspers',
        'Koffiezetapparaat',
        'Espressomachine',
        'Airfryer',
        'Melkopschuimer elektrisch',
        'Rijstkoker',
        'Keukenmachine',
        'Contactgrill',
      ],
      ['RVS', 'zwart', 'wit', 'crème'],
    ],
  ),
  line(
    'elektronica',
    'huishoudelijk',
    [4999, 59999],
    [
      ['Stofzuiger', 'Steelstofzuiger', 'Robotstofzuiger', 'Kruimeldief'],
      ['met zak', 'zakloos', 'draadloos'],
    ],
  ),
  line(
    'elektronica',
    'verzorging',
    [1999, 14999],
    [
      [
        'Föhn',
        'Stijltang',
        'Krultang',
        'Scheerapparaat',
        'Tondeuse',
        'Elektrische tandenborstel',
        'Ladyshave',
      ],
      ['compact', 'professioneel', 'reiseditie'],
    ],
  ),
  line(
    'elektronica',
    'batterijen',
    [299, 1499],
    [['Batterijen'], ['AA', 'AAA', 'C', 'D', '9V', 'knoopcel CR2032'], ['4 stuks', '8 stuks']],
  ),
  line(
    'elektronica',
    'verlichting',
    [299, 1299],
    [['LED lamp'], ['E27', 'E14', 'GU10'], ['4,9 W warm wit', '7 W warm wit', '9 W daglicht', 'dimbaar']],
  ),
  line(
    'elektronica',
    'computers',
    [1999, 49999],
    [
      [
        'Gameconsole',
        'Controller',
        'Gaming headset',
        'Toetsenbord',
        'Muis',
        'Webcam',
        'Monitor',
        'Printer',
        'Externe harde schijf',
        'USB-stick',
        'Geheugenkaart',
      ],
      ['standaard', 'pro'],
    ],
  ),
  line(
    'elektronica',
    'accessoires',
    [999, 3999],
    [
      ['Smartphonehoesje'],
      ['6,1 inch', '6,7 inch'],
      ['siliconen', 'leer', 'transparant', 'bookcase'],
      ['zwart', 'rood', 'blauw'],
    ],
    25,
  ),
  line(
    'elektronica',
    'accessoires',
    [999, 1999],
    [['Screenprotector'], ['gehard glas', 'privacy'], ['6,1 inch', '6,7 inch']],
  ),

  // drogisterij
  line(
    'drogisterij',
    'haar',
    [199, 899],
    [
      ['Shampoo', 'Conditioner'],
      ['normaal haar', 'droog haar', 'anti-roos', 'gekleurd haar', 'krullend haar', 'kids'],
      ['250 ml', '500 ml'],
    ],
  ),
  line(
    'drogisterij',
    'lichaam',
    [199, 899],
    [
      ['Douchegel', 'Badschuim', 'Handzeep', 'Bodylotion'],
      ['sensitive', 'argan', 'citrus', 'lavendel', 'kokos', 'zeezout'],
      ['250 ml', '500 ml'],
    ],
  ),
  line(
    'drogisterij',
    'mond',
    [199, 699],
    [['Tandpasta'], ['whitening', 'gevoelige tanden', 'fluor', 'kids', 'kruiden'], ['75 ml', '2 x 75 ml']],
  ),
  line(
    'drogisterij',
    'mond',
    [199, 699],
    [
      ['Tandenborstel', 'Flosdraad', 'Mondwater', 'Ragers'],
      ['zacht', 'medium', 'kids'],
    ],
  ),
  line(
    'drogisterij',
    'lichaam',
    [249, 699],
    [['Deodorant'], ['spray', 'roller', 'stick'], ['fresh', 'sensitive', 'men', '0% aluminium']],
  ),
  line(
    'drogisterij',
    'zon',
    [699, 1999],
    [['Zonnebrand'], ['SPF 15', 'SPF 30', 'SPF 50', 'SPF 50+ kids'], ['spray', 'lotion', 'stick']],
  ),
  line(
    'drogisterij',
    'gezondheid',
    [149, 599],
    [
      ['Paracetamol 500 mg', 'Ibuprofen 200 mg', 'Ibuprofen 400 mg'],
      ['10 tabletten', '20 tabletten', '50 tabletten'],
    ],
  ),
  line(
    'drogisterij',
    'gezondheid',
    [399, 1299],
    [
      [
        'Neusspray',
        'Keelpastilles',
        'Hoestsiroop',
        'Maagtabletten',
        'Hooikoortstabletten',
        'Reisziektetabletten',
        'Wondzalf',
        'Muggenmelk',
      ],
      ['volwassenen', 'kinderen'],
    ],
  ),
  line(
    'drogisterij',
    'vitamines',
    [399, 1999],
    [
      ['Vitamine C', 'Vitamine D', 'Multivitamine', 'Magnesium', 'IJzer', 'Omega-3', 'Vitamine B12', 'Zink'],
      ['60 tabletten', '120 tabletten'],
      ['', 'kauwtabletten'],
    ],
  ),
  line(
    'drogisterij',
    'ehbo',
    [199, 699],
    [['Pleisters'], ['waterafstotend', 'textiel', 'kids', 'blarenpleisters'], ['20 stuks', '40 stuks']],
  ),
  line(
    'drogisterij',
    'huid',
    [249, 999],
    [
      ['Handcrème', 'Lippenbalsem', 'Voetcrème', 'Bodybutter'],
      ['intensief', 'ongeparfumeerd', 'sheaboter', 'aloë vera'],
    ],
  ),
  line(
    'drogisterij',
    'hygiëne',
    [149, 1999],
    [
      [
        'Scheermesjes',
        'Scheerschuim',
        'Aftershave balm',
        'Wattenschijfjes',
        'Wattenstaafjes',
        'Maandverband',
        'Tampons',
        'Inlegkruisjes',
        'Luiers',
        'Billendoekjes',
      ],
      ['standaard', 'sensitive', 'voordeelverpakking'],
    ],
  ),
  line(
    'drogisterij',
    'huishouden',
    [199, 1499],
    [
      ['Wasmiddel', 'Wasverzachter', 'Afwasmiddel', 'Allesreiniger', 'Vaatwastabletten', 'Glasreiniger'],
      ['ecologisch', 'parfumvrij', 'fris'],
      ['', 'voordeelverpakking'],
    ],
    25,
  ),
  line(
    'drogisterij',
    'haar',
    [299, 1299],
    [
      ['Haarlak', 'Haargel', 'Haarwax', 'Droogshampoo', 'Haarolie', 'Haarmasker'],
      ['sterk', 'flexibel', 'volume'],
    ],
  ),

  // cosmetica
  line(
    'cosmetica',
    'huidverzorging',
    [999, 5999],
    [
      [
        'Dagcrème',
        'Nachtcrème',
        'Oogcrème',
        'Serum',
        'Gezichtsolie',
        'Gezichtsmasker',
        'Reinigingsmelk',
        'Micellair water',
        'Toner',
        'Gezichtsscrub',
      ],
      ['hydraterend', 'anti-age', 'vette huid', 'gevoelige huid', 'vitamine C', 'hyaluronzuur'],
      ['30 ml', '50 ml'],
    ],
    70,
  ),
  line(
    'cosmetica',
    'lippen',
    [899, 2999],
    [
      ['Lippenstift', 'Lipgloss', 'Lipliner'],
      ['roos', 'bordeaux', 'nude', 'koraal', 'framboos', 'mokka', 'kers'],
    ],
  ),
  line(
    'cosmetica',
    'ogen',
    [999, 2499],
    [['Mascara'], ['volume', 'lengte', 'waterproof', 'krul'], ['zwart', 'bruin']],
  ),
  line(
    'cosmetica',
    'teint',
    [999, 3999],
    [
      ['Foundation', 'Concealer', 'Poeder', 'Bronzer', 'Blush', 'Highlighter', 'BB crème'],
      ['licht', 'medium', 'donker', 'porselein', 'beige', 'karamel'],
    ],
    30,
  ),
  line(
    'cosmetica',
    'nagels',
    [499, 1499],
    [
      ['Nagellak'],
      [
        'rood',
        'roze',
        'nude',
        'donkerblauw',
        'mintgroen',
        'zwart',
        'glitter',
        'lila',
        'koraal',
        'transparant',
      ],
    ],
  ),
  line(
    'cosmetica',
    'nagels',
    [299, 999],
    [
      ['Nagellakremover', 'Nagelvijl', 'Nagelolie'],
      ['', 'reisformaat'],
    ],
  ),
  line(
    'cosmetica',
    'geuren',
    [1999, 11999],
    [
      ['Eau de parfum', 'Eau de toilette', 'Bodymist'],
      ['bloesem', 'ceder', 'zeebries', 'vanille', 'oud', 'citrus', 'amber', 'vijg', 'lelie', 'muskus'],
      ['30 ml', '50 ml', '100 ml'],
    ],
    50,
  ),
  line(
    'cosmetica',
    'ogen',
    [499, 3999],
    [
      ['Oogschaduwpalet', 'Eyeliner', 'Wenkbrauwpotlood', 'Kajal', 'Make-up kwast', 'Make-up remover'],
      ['zwart', 'bruin', 'nude', 'smoky'],
    ],
    20,
  ),
  line(
    'cosmetica',
    'bad',
    [499, 2999],
    [
      ['Badbruisbal', 'Massageolie', 'Badolie', 'Voetbadzout', 'Bodyscrub'],
      ['lavendel', 'roos', 'eucalyptus', 'vanille', 'citroen'],
    ],
    20,
  ),

  // kleding
  line(
    'kleding',
    'bovenkleding',
    [1499, 8999],
    [
      ['T-shirt', 'Longsleeve', 'Trui', 'Vest', 'Hoodie', 'Sweater', 'Overhemd', 'Blouse', 'Polo'],
      ['katoen', 'biologisch katoen', 'merinowol', 'linnen'],
      ['zwart', 'wit', 'marineblauw', 'grijs gemêleerd', 'oker', 'bordeaux', 'olijfgroen'],
      SIZES_CLOTHING,
    ],
    150,
  ),
  line(
    'kleding',
    'broeken',
    [2999, 11999],
    [
      ['Spijkerbroek', 'Chino', 'Jogger', 'Rok', 'Korte broek', 'Legging', 'Pantalon'],
      ['slim fit', 'regular fit', 'wide leg', 'stretch'],
      ['blauw', 'zwart', 'beige', 'grijs'],
      SIZES_CLOTHING,
    ],
    90,
  ),
  line(
    'kleding',
    'jassen',
    [5999, 24999],
    [
      ['Winterjas', 'Regenjas', 'Zomerjas', 'Bodywarmer', 'Parka', 'Softshell jas', 'Trenchcoat'],
      ['waterdicht', 'gewatteerd', 'gerecycled', 'wol'],
      ['zwart', 'marineblauw', 'olijfgroen', 'camel', 'rood'],
      SIZES_CLOTHING,
    ],
    60,
  ),
  line(
    'kleding',
    'accessoires',
    [499, 4999],
    [
      ['Sjaal', 'Muts', 'Handschoenen', 'Pet', 'Riem', 'Sokken', 'Pyjama', 'Badjas'],
      ['wol', 'katoen', 'bamboe'],
      COLOURS_BASIC,
    ],
    90,
  ),
  line(
    'kleding',
    'kinderkleding',
    [999, 4999],
    [
      ['Kinder T-shirt', 'Kinderjas', 'Kinderbroek', 'Rompertje', 'Kinderpyjama', 'Kindertrui'],
      ['dino', 'strepen', 'sterren', 'effen', 'bloemen'],
      ['maat 86', 'maat 98', 'maat 110', 'maat 122', 'maat 134'],
    ],
    50,
  ),
  line(
    'kleding',
    'jurken',
    [2999, 12999],
    [
      ['Jurk', 'Maxi jurk', 'Jumpsuit', 'Tuniek'],
      ['bloemenprint', 'effen', 'stippen', 'gestreept'],
      ['zwart', 'rood', 'blauw', 'groen', 'crème'],
      ['S', 'M', 'L'],
    ],
    40,
  ),

  // schoenen
  line(
    'schoenen',
    'schoenen',
    [2999, 17999],
    [
      [
        'Sneakers',
        'Wandelschoenen',
        'Laarzen',
        'Enkellaarsjes',
        'Pantoffels',
        'Sandalen',
        'Pumps',
        'Veterschoenen',
        'Instappers',
        'Regenlaarzen',
        'Hardloopschoenen',
        'Kinderschoenen',
      ],
      ['leer', 'suède', 'canvas', 'vegan', 'waterdicht'],
      ['zwart', 'bruin', 'cognac', 'wit', 'blauw', 'groen'],
      ['maat 36', 'maat 38', 'maat 40', 'maat 42', 'maat 44', 'maat 46'],
    ],
    230,
  ),
  line(
    'schoenen',
    'onderhoud',
    [199, 1999],
    [
      ['Schoenveters', 'Schoenpoets', 'Schoenspray', 'Inlegzolen', 'Schoenlepel', 'Schoenborstel'],
      ['zwart', 'bruin', 'neutraal'],
    ],
  ),

  // groente-fruit
  line(
    'groente-fruit',
    'groente en fruit',
    [99, 599],
    [
      [
        'Appels Elstar 1 kg',
        'Appels Jonagold 1 kg',
        'Peren Conference 1 kg',
        'Handsinaasappels 2 kg',
        'Mandarijnen 1 kg',
        'Bananen tros',
        'Druiven wit pitloos 500 g',
        'Kiwi groen 6 stuks',
        'Aardbeien 400 g',
        'Blauwe bessen 125 g',
        'Frambozen 125 g',
        'Citroenen 4 stuks',
        'Cherrytomaten 250 g',
        'Trostomaten 500 g',
        'Komkommer',
        'Paprika mix 3 stuks',
        'Kastanjechampignons 250 g',
        'Spinazie 300 g',
        'Wortelen 1 kg',
        'Uien 1 kg',
        'Aardappelen vastkokend 2,5 kg',
        'Zoete aardappel 500 g',
        'Broccoli',
        'Bloemkool',
        'Courgette',
        'Avocado eetrijp 2 stuks',
        'Mango',
        'Ananas',
        'Rode bieten gekookt 500 g',
        'Witlof 500 g',
        'Boerenkool gesneden 500 g',
        'Andijvie gesneden 400 g',
        'Sperziebonen 400 g',
        'Knoflook 3 bollen',
        'Gember 200 g',
        'Basilicum in pot',
        'Peterselie bos',
        'Verse munt 25 g',
        'Rabarber 500 g',
        'Asperges wit 500 g',
      ],
      ['', 'biologisch'],
    ],
  ),

  // bakker
  line(
    'bakker',
    'koek en koekjes',
    [149, 699],
    [
      [
        'Stroopwafels',
        'Kruidnoten',
        'Ontbijtkoek',
        'Speculaas',
        'Roomboterkoekjes',
        'Amandelbroodjes',
        'Boterkoek',
        'Gevulde koeken',
        'Beschuit',
        'Knäckebröd',
        'Pepernoten',
        'Eierkoeken',
        'Bokkenpootjes',
        'Sprits',
        'Meergranen crackers',
      ],
      ['', 'volkoren', 'glutenvrij'],
    ],
    42,
  ),

  // kaas
  line(
    'kaas',
    'kaas',
    [299, 2999],
    [
      [
        'Jonge kaas',
        'Jong belegen kaas',
        'Belegen kaas',
        'Extra belegen kaas',
        'Oude kaas',
        'Overjarige kaas',
        'Komijnekaas',
        'Geitenkaas',
        'Boerenkaas',
        'Schapenkaas',
        'Brie de Meaux',
        'Comté',
        'Gruyère',
        'Camembert',
        'Manchego',
        'Truffelkaas',
        'Brandnetelkaas',
        'Rookkaas',
        'Gorgonzola',
        'Parmigiano Reggiano',
      ],
      ['plakken 150 g', 'stuk 400 g', 'stuk 1 kg'],
    ],
  ),

  // slager
  line(
    'slager',
    'vlees',
    [199, 2499],
    [
      [
        'Rookworst',
        'Gehakt half-om-half',
        'Rundergehakt',
        'Kipfilet',
        'Slavinken',
        'Hamburgers',
        'Speklappen',
        'Runderlappen',
        'Varkenshaas',
        'Biefstuk',
        'Kippendijen',
        'Saucijzen',
        'Leverworst',
        'Achterham',
        'Rosbief',
        'Fricandeau',
        'Paté de campagne',
        'Paté met peper',
        'Kippenpaté',
        'Gehaktballen',
        'Runderrookvlees',
        'Boterhamworst',
      ],
      ['250 g', '500 g'],
      ['', 'biologisch'],
    ],
    55,
  ),

  // delicatessen
  line(
    'delicatessen',
    'olie en azijn',
    [599, 2999],
    [
      ['Olijfolie extra vierge', 'Truffelolie', 'Balsamicoazijn', 'Crème de balsamico'],
      ['Italië', 'Griekenland', 'Spanje'],
      ['250 ml', '500 ml'],
    ],
  ),
  line(
    'delicatessen',
    'smeersels',
    [399, 899],
    [
      ['Tapenade', 'Pesto', 'Chutney', 'Tapas dip'],
      ['olijf', 'zongedroogde tomaat', 'basilicum', 'vijg', 'paprika', 'artisjok'],
    ],
  ),
  line('delicatessen', 'smeersels', [349, 999], [['Mosterd'], ['grove', 'dille', 'honing', 'Dijon']]),
  line('delicatessen', 'smeersels', [499, 1299], [['Honing'], ['bloemen', 'lavendel', 'heide', 'acacia']]),
  line(
    'delicatessen',
    'smeersels',
    [349, 799],
    [['Jam'], ['aardbei', 'abrikoos', 'kersen', 'bosvruchten', 'sinaasappelmarmelade']],
  ),
  line(
    'delicatessen',
    'koffie en thee',
    [599, 2999],
    [
      ['Koffiebonen', 'Gemalen koffie'],
      ['Café crème', 'espresso', 'Colombia', 'Ethiopië', 'Brazilië', 'decafé'],
      ['250 g', '500 g', '1 kg'],
    ],
  ),
  line(
    'delicatessen',
    'koffie en thee',
    [349, 999],
    [
      ['Thee'],
      [
        'Earl Grey',
        'groene thee',
        'muntthee',
        'rooibos',
        'Engelse melange',
        'kamille',
        'gember-citroen',
        'chai',
      ],
      ['losse thee 100 g', '20 zakjes'],
    ],
  ),
  line(
    'delicatessen',
    'chocolade',
    [249, 1999],
    [
      ['Chocolade', 'Bonbons'],
      ['puur 72%', 'melk', 'wit', 'hazelnoot', 'zeezout karamel', 'framboos', 'sinaasappel'],
      ['100 g', '250 g'],
    ],
  ),
  line(
    'delicatessen',
    'paté',
    [499, 1299],
    [
      ['Paté', 'Rillette', 'Terrine'],
      ['eend', 'kip', 'wild', 'fazant', 'peper'],
    ],
  ),
  line(
    'delicatessen',
    'desserts',
    [299, 699],
    [
      ['Crème brûlée', 'Chocolademousse', 'Panna cotta', 'Tiramisu'],
      ['mix', 'kant-en-klaar 2 stuks'],
    ],
  ),
  line(
    'delicatessen',
    'pasta en rijst',
    [249, 699],
    [
      [
        'Pasta tagliatelle',
        'Pasta penne',
        'Pasta pappardelle',
        'Pasta orecchiette',
        'Risottorijst carnaroli',
        'Risottorijst arborio',
      ],
      ['500 g', '1 kg'],
    ],
  ),
  line(
    'delicatessen',
    'antipasti',
    [299, 899],
    [
      ['Olijven', 'Kappertjes', 'Zongedroogde tomaten', 'Artisjokharten', 'Gegrilde paprika'],
      ['op olie', 'op water', 'gemarineerd'],
    ],
  ),
  line(
    'delicatessen',
    'kruiden',
    [299, 1499],
    [
      ['Zeezout', 'Peperkorrels', 'Kruidenmix', 'Saffraan'],
      ['grof', 'fijn', 'Bretons', 'bont'],
    ],
    8,
  ),
  line(
    'delicatessen',
    'sauzen',
    [299, 799],
    [
      ['Café de Paris saus', 'Aioli', 'Truffelmayonaise', 'Hollandaise'],
      ['200 ml', '400 ml'],
    ],
  ),

  // ijzerwaren
  line(
    'ijzerwaren',
    'gereedschap',
    [999, 2999],
    [
      ['Hamer', 'Klauwhamer', 'Rubberhamer'],
      ['300 g', '500 g', 'fiberglas steel'],
    ],
  ),
  line(
    'ijzerwaren',
    'gereedschap',
    [499, 6999],
    [
      [
        'Schroevendraaier',
        'Schroevendraaierset',
        'Bitset',
        'Inbussleutelset',
        'Steeksleutelset',
        'Dopsleutelset',
        'Waterpomptang',
        'Combinatietang',
        'Kniptang',
        'Zijsnijtang',
      ],
      ['basic', 'professioneel'],
      ['', '6-delig', '12-delig'],
    ],
    40,
  ),
  line(
    'ijzerwaren',
    'elektrisch gereedschap',
    [3999, 19999],
    [
      [
        'Accuboormachine',
        'Klopboormachine',
        'Decoupeerzaag',
        'Schuurmachine',
        'Cirkelzaag',
        'Multitool',
        'Accuschroefmachine',
      ],
      ['12 V', '18 V', '230 V'],
    ],
  ),
  line(
    'ijzerwaren',
    'bevestiging',
    [199, 1299],
    [
      [
        'Schroeven',
        'Spaanplaatschroeven',
        'Pluggen',
        'Spijkers',
        'Bouten en moeren',
        'Ringen',
        'Houtdraadbouten',
      ],
      ['3,5 x 30 mm', '4 x 40 mm', '5 x 50 mm', '6 x 60 mm'],
      ['100 stuks', '200 stuks'],
    ],
    40,
  ),
  line(
    'ijzerwaren',
    'verf',
    [999, 5999],
    [
      ['Muurverf', 'Lakverf', 'Grondverf', 'Beits', 'Houtolie', 'Vloerlak'],
      ['wit', 'gebroken wit', 'antraciet', 'zandkleur', 'transparant'],
      ['750 ml', '2,5 L'],
    ],
    40,
  ),
  line(
    'ijzerwaren',
    'klussen',
    [199, 1999],
    [
      [
        'Kwast',
        'Verfroller',
        'Verfbak',
        'Afplakband',
        'Schuurpapier',
        'Plamuurmes',
        'Kit',
        'Siliconenkit',
        'Purschuim',
        'Montagelijm',
        'Houtlijm',
        'Secondelijm',
      ],
      ['klein', 'groot', 'set'],
    ],
  ),
  line('ijzerwaren', 'meten', [299, 2999], [['Rolmaat'], ['3 m', '5 m', '8 m']]),
  line('ijzerwaren', 'meten', [999, 3999], [['Waterpas'], ['40 cm', '60 cm', '100 cm']]),
  line(
    'ijzerwaren',
    'veiligheid',
    [299, 8999],
    [
      [
        'Werkhandschoenen M',
        'Werkhandschoenen L',
        'Stofmasker FFP2',
        'Veiligheidsbril',
        'Gehoorbescherming',
        'Kruislijnlaser',
        'Zaklamp',
        'Hoofdlamp',
      ],
    ],
  ),
  line(
    'ijzerwaren',
    'ladders',
    [2999, 14999],
    [
      ['Trapladder', 'Huishoudtrap', 'Reformladder'],
      ['3 treden', '4 treden', '5 treden', '7 treden'],
    ],
  ),
  line(
    'ijzerwaren',
    'tuin',
    [299, 8999],
    [
      [
        'Tuinslang',
        'Snoeischaar',
        'Heggenschaar',
        'Bladhark',
        'Schop',
        'Spade',
        'Kruiwagen',
        'Gieter',
        'Tuinhandschoenen',
        'Onkruidsteker',
      ],
      ['basic', 'comfort', 'pro'],
    ],
  ),
  line(
    'ijzerwaren',
    'beslag',
    [299, 3999],
    [
      ['Hangslot', 'Cijferslot', 'Deurbeslag', 'Deurstopper', 'Scharnier', 'Kastknop', 'Haak', 'Kapstok'],
      ['RVS', 'messing', 'zwart'],
    ],
  ),
  line(
    'ijzerwaren',
    'elektra',
    [399, 4999],
    [
      ['Verlengkabel', 'Kabelhaspel', 'Tijdschakelaar', 'Stekker', 'Contactdoos'],
      ['binnen', 'buiten'],
    ],
  ),
  line(
    'ijzerwaren',
    'buiten',
    [299, 8999],
    [
      [
        'Muizenval',
        'Mollenklem',
        'Vogelvoederhuisje',
        'Regenton',
        'Brievenbus',
        'Huisnummerbord',
        'Buitenlamp',
      ],
    ],
  ),

  // cadeaus
  line(
    'cadeaus',
    'kaarsen',
    [299, 2999],
    [
      ['Geurkaars', 'Dinerkaarsen', 'Waxinelichtjes', 'Kaarsenhouder', 'Windlicht'],
      ['vanille', 'lavendel', 'vijg', 'zeebries', 'kaneel', 'naturel'],
    ],
    20,
  ),
  line(
    'cadeaus',
    'wonen',
    [499, 2999],
    [
      ['Fotolijst'],
      ['10 x 15 cm', '13 x 18 cm', '20 x 30 cm', '30 x 40 cm'],
      ['hout', 'zilverkleurig', 'zwart', 'wit'],
    ],
  ),
  line(
    'cadeaus',
    'kaarten',
    [249, 449],
    [
      ['Wenskaart'],
      [
        'gefeliciteerd',
        'bedankt',
        'sterkte',
        'nieuwe woning',
        'geboorte',
        'huwelijk',
        'zomaar',
        'beterschap',
      ],
    ],
  ),
  line(
    'cadeaus',
    'souvenirs',
    [199, 1999],
    [
      ['Mok', 'Sleutelhanger', 'Magneet', 'Ansichtkaarten set', 'Onderzetters', 'Placemat'],
      ['Amersfoort', 'Keistad', 'Lange Jan', 'Koppelpoort', 'Muurhuizen'],
    ],
    24,
  ),
  line(
    'cadeaus',
    'papier',
    [499, 2499],
    [
      ['Notitieboek', 'Dagboek', 'Schetsboek', 'Bullet journal'],
      ['A5', 'A6'],
      ['linnen', 'kraft', 'leer'],
    ],
    16,
  ),
  line(
    'cadeaus',
    'papier',
    [199, 4999],
    [
      ['Vulpen', 'Balpen', 'Vulpotlood', 'Inktpatronen', 'Briefpapier set', 'Inpakpapier', 'Cadeaulint'],
      ['zwart', 'blauw', 'goud'],
    ],
    20,
  ),
  line(
    'cadeaus',
    'wonen',
    [999, 7999],
    [
      [
        'Geurstokjes',
        'Huisparfum',
        'Zeepdispenser',
        'Vaas',
        'Sierkussen',
        'Plaid',
        'Wanddecoratie',
        'Spiegel',
        'Wandklok',
      ],
      ['terracotta', 'salie', 'oker', 'zwart', 'naturel'],
    ],
    40,
  ),
  line(
    'cadeaus',
    'hobby',
    [1499, 3999],
    [
      ['Borduurpakket', 'Breipakket', 'Haakpakket', 'Macramépakket'],
      ['beginners', 'gevorderden'],
    ],
  ),
  line(
    'cadeaus',
    'sieraden',
    [999, 5999],
    [
      ['Armband', 'Ketting', 'Oorbellen', 'Ring', 'Sieradendoosje'],
      ['zilver', 'verguld', 'parel', 'leer'],
    ],
  ),

  // bloemen
  line(
    'bloemen',
    'tuin en plant',
    [199, 3999],
    [
      [
        'Potgrond',
        'Plantenvoeding',
        'Bloembollen tulp',
        'Bloembollen narcis',
        'Zaden zonnebloem',
        'Kruidenzaden',
        'Bloempot',
        'Plantenspuit',
        'Orchideeënvoeding',
        'Kamerplant monstera',
        'Kamerplant sanseveria',
        'Kamerplant pothos',
        'Vetplant',
        'Cactus',
        'Bonsai',
        'Droogbloemen boeket',
        'Vaas glas',
      ],
      ['klein', 'groot'],
    ],
  ),

  // opticien
  line(
    'opticien',
    'brillen',
    [1499, 3999],
    [['Leesbril'], ['+1,0', '+1,5', '+2,0', '+2,5', '+3,0'], ['zwart', 'schildpad', 'rood', 'blauw']],
  ),
  line(
    'opticien',
    'zonnebrillen',
    [2999, 14999],
    [
      ['Zonnebril'],
      ['rond', 'aviator', 'cat-eye', 'wayfarer', 'sport'],
      ['zwart', 'schildpad', 'goud', 'zilver'],
      ['', 'gepolariseerd'],
    ],
    35,
  ),
  line(
    'opticien',
    'lenzen',
    [1499, 5999],
    [
      ['Daglenzen', 'Maandlenzen'],
      ['30 stuks', '90 stuks', '6 stuks'],
    ],
  ),
  line(
    'opticien',
    'onderhoud',
    [399, 1999],
    [
      ['Lenzenvloeistof', 'Brillendoekjes', 'Brillenkoker', 'Brillenkoord', 'Oogdruppels'],
      ['standaard', 'reisformaat'],
    ],
  ),

  // supermarkt
  line(
    'supermarkt',
    'zuivel',
    [99, 349],
    [
      [
        'Halfvolle melk',
        'Volle melk',
        'Karnemelk',
        'Chocolademelk',
        'Havermelk',
        'Sojadrink',
        'Amandeldrink',
      ],
      ['1 L', '1,5 L'],
      ['', 'biologisch'],
    ],
  ),
  line(
    'supermarkt',
    'zuivel',
    [99, 399],
    [
      ['Yoghurt', 'Kwark', 'Vla', 'Skyr', 'Griekse yoghurt'],
      ['naturel', 'vanille', 'aardbei', 'mager', 'vol'],
      ['500 g', '1 L'],
    ],
    50,
  ),
  line(
    'supermarkt',
    'zuivel',
    [99, 399],
    [
      [
        'Roomboter ongezouten 250 g',
        'Roomboter gezouten 250 g',
        'Crème fraîche 125 ml',
        'Crème fraîche 200 ml',
        'Slagroom 250 ml',
        'Kookroom 200 ml',
        'Zure room 125 ml',
      ],
    ],
  ),
  line(
    'supermarkt',
    'zuivel',
    [199, 449],
    [['Eieren'], ['scharrel', 'vrije uitloop', 'biologisch'], ['6 stuks', '10 stuks']],
  ),
  line(
    'supermarkt',
    'zuivel',
    [199, 399],
    [['Kaas plakken'], ['jong belegen', 'belegen', 'oud', 'light 30+'], ['150 g', '250 g']],
  ),
  line(
    'supermarkt',
    'brood',
    [99, 349],
    [
      [
        'Volkorenbrood',
        'Bruinbrood',
        'Witbrood',
        'Meergranenbrood',
        'Tarwebollen',
        'Croissants',
        'Afbakbroodjes',
        'Wraps',
      ],
      ['heel', 'half', 'voordeelpak'],
    ],
    24,
  ),
  line(
    'supermarkt',
    'beleg',
    [149, 449],
    [
      ['Hagelslag', 'Vlokken', 'Pindakaas', 'Chocoladepasta', 'Appelstroop', 'Smeerkaas', 'Leverpastei'],
      ['naturel', 'puur', 'melk', 'light'],
    ],
    28,
  ),
  line(
    'supermarkt',
    'koffie en thee',
    [249, 999],
    [
      ['Koffie snelfiltermaling', 'Koffiepads', 'Koffiecups'],
      ['Café crème', 'espresso', 'lungo', 'decafé', 'roodmerk', 'goudmerk'],
      ['250 g', '500 g', '36 stuks'],
    ],
    36,
  ),
  line(
    'supermarkt',
    'koffie en thee',
    [99, 399],
    [
      ['Theezakjes'],
      ['Earl Grey', 'groene thee', 'rooibos', 'bosvruchten', 'citroen', 'munt', 'kamille'],
      ['20 stuks', '40 stuks'],
    ],
  ),
  line(
    'supermarkt',
    'houdbaar',
    [99, 399],
    [
      [
        'Spaghetti',
        'Penne',
        'Macaroni',
        'Fusilli',
        'Lasagnebladen',
        'Pandanrijst',
        'Basmatirijst',
        'Zilvervliesrijst',
        'Couscous',
        'Bulgur',
        'Quinoa',
        'Linzen',
        'Kikkererwten',
        'Kidneybonen',
        'Bruine bonen',
      ],
      ['500 g', '1 kg'],
      ['', 'biologisch'],
    ],
    60,
  ),
  line(
    'supermarkt',
    'sauzen',
    [99, 449],
    [
      [
        'Pastasaus',
        'Currysaus',
        'Tomatenketchup',
        'Mayonaise',
        'Fritessaus',
        'Sambal oelek',
        'Ketjap manis',
        'Sojasaus',
        'Satésaus',
        'Barbecuesaus',
        'Knoflooksaus',
      ],
      ['fles', 'pot', 'voordeelverpakking'],
    ],
    33,
  ),
  line(
    'supermarkt',
    'conserven',
    [79, 399],
    [
      [
        'Tomatenblokjes',
        'Tomatenpuree',
        'Maïs',
        'Doperwten',
        'Sperziebonen',
        'Champignons',
        'Tonijn',
        'Sardines',
        'Tomatensoep',
        'Kippensoep',
        'Erwtensoep',
        'Ananas op sap',
        'Perziken op siroop',
        'Witte bonen in tomatensaus',
      ],
      ['blik', 'pot'],
    ],
  ),
  line(
    'supermarkt',
    'snacks',
    [99, 399],
    [
      ['Chips', 'Tortillachips', 'Borrelnootjes', 'Popcorn', 'Zoutjes', 'Crackers'],
      ['naturel', 'paprika', 'zeezout', 'barbecue', 'kaas'],
    ],
  ),
  line(
    'supermarkt',
    'snoep',
    [99, 399],
    [
      ['Koekjes', 'Chocoladereep', 'Drop', 'Winegums', 'Pepermunt', 'Rijstwafels'],
      ['klassiek', 'mini', 'uitdeelzak'],
    ],
  ),
  line(
    'supermarkt',
    'dranken',
    [99, 699],
    [
      [
        'Cola',
        'Cola zero',
        'Sinas',
        'Cassis',
        'Ice tea',
        'Tonic',
        'Mineraalwater bruisend',
        'Mineraalwater plat',
        'Appelsap',
        'Sinaasappelsap',
        'Multivruchtensap',
        'Tomatensap',
        'Limonadesiroop',
      ],
      ['1,5 L', '6 x 330 ml'],
    ],
  ),
  line(
    'supermarkt',
    'dranken',
    [399, 1899],
    [
      ['Pils', 'Witbier', 'IPA', 'Alcoholvrij bier', 'Radler'],
      ['6 x 330 ml', 'krat 24 x 300 ml'],
    ],
  ),
  line(
    'supermarkt',
    'dranken',
    [399, 1499],
    [
      ['Rode huiswijn', 'Witte huiswijn', 'Rosé huiswijn'],
      ['75 cl', '3 L'],
    ],
  ),
  line(
    'supermarkt',
    'diepvries',
    [199, 699],
    [
      [
        'Pizza margherita',
        'Friet',
        'Spinazie à la crème',
        'Roerbakgroenten',
        'Vanille-ijs',
        'Chocolade-ijs',
        'Vissticks',
        'Bitterballen',
        'Kroketten',
        'Loempia',
        'Frikandellen',
      ],
      ['diepvries', 'diepvries voordeelpak'],
    ],
    22,
  ),
  line(
    'supermarkt',
    'huishouden',
    [99, 799],
    [
      [
        'Toiletpapier',
        'Keukenrol',
        'Tissues',
        'Vuilniszakken',
        'Aluminiumfolie',
        'Vershoudfolie',
        'Bakpapier',
        'Diepvrieszakjes',
        'Afwasborstel',
        'Sponzen',
        'Schoonmaakdoekjes',
      ],
      ['standaard', 'voordeelverpakking'],
    ],
  ),
  line(
    'supermarkt',
    'vlees en vis',
    [199, 999],
    [
      [
        'Kipfilet',
        'Rundergehakt',
        'Hamburgers',
        'Rookworst',
        'Zalmfilet',
        'Kabeljauwfilet',
        'Garnalen',
        'Tofu',
        'Tempeh',
        'Vegetarische burger',
        'Falafel',
      ],
      ['300 g', '600 g'],
    ],
  ),
  line(
    'supermarkt',
    'groente en fruit',
    [99, 399],
    [
      [
        'Bananen 5 stuks',
        'Appels 6 stuks',
        'Mandarijnen net',
        'Tomaten 500 g',
        'Snoepgroente 250 g',
        'Paprika rood',
        'Uien net',
        'Kruimige aardappelen 2 kg',
        'Wortelen 500 g',
        'IJsbergsla',
        'Champignons 400 g',
        'Soepgroente 400 g',
        'Rauwkost mix',
        'Spinazie 400 g',
        'Sla melange',
      ],
    ],
  ),
  line(
    'supermarkt',
    'baby',
    [99, 299],
    [['Babyvoeding'], ['groente', 'fruit', 'pap'], ['4+ maanden', '6+ maanden', '8+ maanden']],
  ),
  line(
    'supermarkt',
    'dieren',
    [149, 1299],
    [
      ['Kattenvoer', 'Hondenvoer', 'Kattenbakvulling', 'Hondensnacks'],
      ['kip', 'rund', 'vis', 'naturel'],
      ['blik', 'zak 2 kg'],
    ],
    32,
  ),
  line(
    'supermarkt',
    'ontbijt',
    [149, 499],
    [
      ['Cornflakes', 'Muesli', 'Havermout', 'Granola'],
      ['naturel', 'noten', 'rozijnen', 'chocolade'],
    ],
  ),
  line(
    'supermarkt',
    'kruiden',
    [99, 299],
    [
      [
        'Zout',
        'Zwarte peper',
        'Paprikapoeder',
        'Kerriepoeder',
        'Oregano',
        'Kaneel',
        'Nootmuskaat',
        'Komijn',
        'Kurkuma',
        'Bouillonblokjes',
      ],
    ],
  ),

  line(
    'supermarkt',
    'maaltijden',
    [299, 699],
    [
      [
        'Lasagne',
        'Nasi goreng',
        'Bami goreng',
        'Stamppot boerenkool',
        'Stamppot zuurkool',
        'Hutspot',
        'Macaronischotel',
        'Pasta pesto',
        'Wokmaaltijd kip',
        'Visovenschotel',
      ],
      ['1 persoon', '2 personen'],
    ],
  ),
  line(
    'supermarkt',
    'salades',
    [149, 399],
    [
      ['Huzarensalade', 'Kipkerriesalade', 'Eiersalade', 'Tonijnsalade', 'Zalmsalade', 'Komkommersalade'],
      ['150 g', '300 g'],
    ],
  ),
  line(
    'supermarkt',
    'vleeswaren',
    [149, 399],
    [
      [
        'Kipfilet plakken',
        'Beenham',
        'Rookvlees',
        'Salami',
        'Cervelaat',
        'Leverworst plakken',
        'Fricandeau plakken',
        'Kalkoenfilet',
      ],
      ['100 g', '200 g'],
    ],
  ),
  line(
    'supermarkt',
    'bakken',
    [79, 349],
    [
      [
        'Tarwebloem 1 kg',
        'Zelfrijzend bakmeel 500 g',
        'Kristalsuiker 1 kg',
        'Poedersuiker 250 g',
        'Basterdsuiker 500 g',
        'Bakpoeder 4 zakjes',
        'Vanillesuiker 5 zakjes',
        'Cacaopoeder 250 g',
        'Gedroogde gist 3 zakjes',
      ],
    ],
  ),
  line(
    'supermarkt',
    'olie en azijn',
    [149, 799],
    [
      ['Zonnebloemolie', 'Olijfolie', 'Frituurolie', 'Natuurazijn'],
      ['500 ml', '1 L'],
    ],
  ),
  line(
    'supermarkt',
    'wereldkeuken',
    [99, 399],
    [
      [
        'Tortilla wraps 8 stuks',
        'Taco shells 12 stuks',
        'Kokosmelk 400 ml',
        'Rijstnoedels 250 g',
        'Mie 250 g',
        'Rode currypasta',
        'Groene currypasta',
        'Nasi kruidenmix',
        'Bami kruidenmix',
        'Kroepoek 75 g',
      ],
    ],
  ),
  line(
    'supermarkt',
    'soep',
    [199, 399],
    [
      ['Verse tomatensoep', 'Verse erwtensoep', 'Pompoensoep', 'Verse kippensoep', 'Mosterdsoep'],
      ['570 ml', '1 L'],
    ],
  ),
  line(
    'supermarkt',
    'dranken',
    [99, 349],
    [
      ['Energiedrank', 'Sportdrank', 'Kokoswater', 'Kombucha', 'IJskoffie'],
      ['250 ml', '500 ml'],
    ],
  ),
  line(
    'supermarkt',
    'zuivel',
    [99, 299],
    [
      ['Boerenyoghurt', 'Biogarde', 'Drinkyoghurt', 'Pudding'],
      ['naturel', 'aardbei', 'perzik', 'vanille', 'chocolade'],
    ],
  ),
  line(
    'supermarkt',
    'kaas',
    [149, 499],
    [
      [
        'Geraspte kaas',
        'Kaasblokjes',
        'Mozzarella',
        'Feta',
        'Halloumi',
        'Geraspte Parmezaanse kaas',
        'Brie',
        'Roomkaas',
      ],
      ['100 g', '200 g'],
    ],
  ),
  line(
    'supermarkt',
    'huishouden',
    [149, 899],
    [
      [
        'Waspoeder',
        'Wasgel',
        'Vloerreiniger',
        'Toiletreiniger',
        'Ontkalker',
        'Schuurmiddel',
        'Vaatwaszout',
        'Glansspoelmiddel',
      ],
      ['standaard', 'voordeelverpakking'],
    ],
  ),
  line(
    'supermarkt',
    'verzorging',
    [99, 499],
    [
      ['Douchecrème', 'Handzeep navulling', 'Scheergel', 'Wattenbolletjes', 'Kindershampoo'],
      ['basis', 'voordeelverpakking'],
    ],
  ),
  line(
    'supermarkt',
    'groente en fruit',
    [99, 399],
    [
      [
        'Broccoliroosjes 400 g',
        'Bloemkoolroosjes 400 g',
        'Prei 2 stuks',
        'Sperziebonen 300 g',
        'Spruitjes 500 g',
        'Aubergine',
        'Pompoen',
        'Zoete puntpaprika 200 g',
        'Rode druiven 500 g',
        'Kiwi gold 4 stuks',
        'Handperen 1 kg',
        'Limoenen 3 stuks',
      ],
    ],
  ),
  line(
    'supermarkt',
    'brood',
    [99, 349],
    [
      [
        'Krentenbrood heel',
        'Roggebrood 500 g',
        'Afbakstokbrood',
        'Pistolets 6 stuks',
        'Bagels 4 stuks',
        'Speltbrood heel',
        'Volkoren beschuit',
        'Maïsbrood heel',
      ],
    ],
  ),
  line(
    'supermarkt',
    'snacks',
    [149, 599],
    [
      ['Notenmix', 'Cashewnoten', "Ongezouten pinda's", 'Studentenhaver', 'Gedroogde abrikozen', 'Dadels'],
      ['200 g', '400 g'],
    ],
  ),
  line(
    'supermarkt',
    'koek',
    [99, 349],
    [
      [
        'Volkoren biscuits',
        'Ontbijtkoek gesneden',
        'Speculaasjes',
        'Stroopwafels huismerk',
        'Krakelingen',
        'Zandkoekjes',
      ],
      ['standaard', 'voordeelpak'],
    ],
  ),
  line(
    'supermarkt',
    'diepvries',
    [149, 599],
    [
      [
        'Doperwten diepvries',
        'Sperziebonen diepvries',
        'Frambozen diepvries',
        'Rode vruchten diepvries',
        'Mangoblokjes diepvries',
        'Kipnuggets',
        'Visfilet diepvries',
        'Garnalen diepvries',
        'Hamburgerbroodjes',
      ],
    ],
  ),
  // dranken (slijterij)
  line(
    'dranken',
    'wijn',
    [599, 2499],
    [
      ['Rode wijn', 'Witte wijn', 'Rosé'],
      ['Frankrijk', 'Italië', 'Spanje', 'Portugal', 'Chili', 'Zuid-Afrika', 'Duitsland', 'Nederland'],
      ['huiswijn', 'reserva', 'biologisch'],
    ],
    60,
  ),
  line(
    'dranken',
    'bubbels',
    [899, 4999],
    [
      ['Port', 'Sherry', 'Cava', 'Prosecco', 'Champagne', 'Crémant'],
      ['brut', 'droog', 'zoet'],
    ],
    12,
  ),
  line(
    'dranken',
    'gedistilleerd',
    [1299, 3499],
    [
      ['Jonge jenever', 'Oude jenever', 'Korenwijn', 'Beerenburg', 'Advocaat', 'Kruidenbitter'],
      ['70 cl', '1 L'],
    ],
  ),
  line(
    'dranken',
    'gedistilleerd',
    [1999, 5999],
    [
      ['Whisky', 'Gin', 'Rum', 'Wodka', 'Likeur', 'Cognac'],
      ['blended', 'single malt', 'dry', 'spiced', 'premium'],
    ],
    20,
  ),
  line(
    'dranken',
    'bier',
    [199, 1299],
    [
      ['Speciaalbier'],
      ['tripel', 'dubbel', 'IPA', 'stout', 'blond', 'saison', 'bokbier', 'weizen'],
      ['fles 330 ml', '4-pack'],
    ],
  ),
  line(
    'dranken',
    'alcoholvrij',
    [499, 1999],
    [
      ['Alcoholvrije wijn', 'Alcoholvrije gin', 'Alcoholvrij aperitief'],
      ['70 cl', '75 cl'],
    ],
  ),
];

/** Invented brands per category, so that no real chain or manufacturer appears in the demo. */
const BRANDS: Readonly<Record<string, readonly string[]>> = {
  fietsen: ['Trapkracht', 'Polderwind', 'Eemstaal', 'Keilicht', 'Spaakwerk', 'Duinrijder', 'Velomaat'],
  speelgoed: ['Speelgoedfabriek Tol', 'Hout & Hop', 'Knikkerbaan', 'Blokkie', 'Kleine Kapitein', 'Dromerig'],
  keuken: ['Potten & Pannen', 'Eemkok', 'Gietwerk', 'Keukenvlijt', 'Mesmaker', 'Tafelgoed'],
  elektronica: ['Voltera', 'Stroomlijn', 'Pixelaar', 'Watmeter'],
  drogisterij: ['Zuiver', 'Dagelijks', 'Apothecarius', 'Frisse Start', 'Vijzelmerk'],
  cosmetica: ['Lavendel & Co', 'Rozenwater', 'Glanzend', 'Huidgoed', 'Atelier Blos', 'Parelmoer'],
  kleding: ['Stoffig', 'Naadloos', 'Keistad Label', 'Wolkam', 'Linnenkast', 'Zeebonk', 'Polderpak'],
  schoenen: ['Stapvast', 'Zoolwerk', 'Leestmaker', 'Klompvrij', 'Wandelaar'],
  'groente-fruit': ['Eemlandse Teelt', 'Fruitgaard Vallei', 'Groenland', 'Tuinderij De Hoeve'],
  bakker: ['Bakkerij Vallei', 'Oven & Deeg', 'Koekfabriek Eem', 'Grootmoeders Trommel'],
  kaas: ['Kaasboerderij Hoogland', 'Zuivelhoeve', 'Kaasmakers Eemland', 'Fromagerie Belle'],
  slager: ['Vleeshouwerij Vallei', 'Ambachtelijk Vlees', 'Hoeveslagerij', 'Worstmakerij Eem'],
  delicatessen: ['Fijnproeverij', 'Smaakmakers', 'Casa Sole'],
  ijzerwaren: ['Klusvast', 'Moer & Bout', 'Verfwerk', 'Tuinhulp', 'Gereedschap Eem'],
  cadeaus: ['Kadokist', 'Woongoed', 'Mooigoed'],
  bloemen: ['Kweker Vallei', 'Bloemrijk', 'Groene Vingers', 'Bollenhof'],
  opticien: ['Helderzicht', 'Brilmakers', 'Zonnig', 'Lensvast'],
  supermarkt: ['Eemhof', 'Keuze', 'Goed & Voordelig', 'Biologisch Akker', 'Dagvers'],
  dranken: ['Wijnkoperij Eem', 'Domaine Soleil', 'Cantina Amico'],
};

/** Lines whose products come from specialist brands rather than the category's general ones. */
const SEGMENT_BRANDS: Readonly<Record<string, readonly string[]>> = {
  'fietsen/verlichting': ['Keilicht', 'Trapkracht'],
  'fietsen/fietsen': ['Polderwind', 'Duinrijder', 'Velomaat', 'Trapkracht'],
  'elektronica/audio': ['Klankhuis', 'Noordlicht Audio'],
  'elektronica/huishoudelijk': ['Huishoudhelden', 'Voltera', 'Watmeter'],
  'elektronica/verzorging': ['Huishoudhelden', 'Voltera'],
  'delicatessen/koffie en thee': ['Branderij Keistad', 'Fijnproeverij'],
  'delicatessen/chocolade': ['Huize Truffel', 'Fijnproeverij'],
  'delicatessen/olie en azijn': ['Olijfgaard', 'Casa Sole'],
  'cadeaus/kaarsen': ['Kaarsmakerij Lont', 'Woongoed'],
  'cadeaus/souvenirs': ['Keistad Souvenirs'],
  'cadeaus/papier': ['Papierwerk'],
  'supermarkt/brood': ['Bakkersgoud', 'Keuze'],
  'supermarkt/koek': ['Bakkersgoud', 'Keuze', 'Goed & Voordelig'],
  'supermarkt/zuivel': ['Zuivelhoeve', 'Keuze', 'Biologisch Akker'],
  'supermarkt/kaas': ['Zuivelhoeve', 'Keuze'],
  'dranken/wijn': ['Domaine Soleil', 'Bodega Sol', 'Cantina Amico', 'Wijnkoperij Eem'],
  'dranken/bubbels': ['Domaine Soleil', 'Bodega Sol', 'Cantina Amico'],
  'dranken/bier': ['Brouwerij Keistad', 'Brouwerij Eemland'],
  'dranken/gedistilleerd': ['Stokerij Vallei', 'Distilleerderij Eem'],
};

// ---------------------------------------------------------------------------------------------
// Books

interface BookGenre {
  segment: string;
  count: number;
  priceCents: readonly [number, number];
  templates: readonly string[];
}

/** Words the title templates draw from; `{name}` style slots are filled from these lists. */
const BOOK_WORDS: Readonly<Record<string, readonly string[]>> = {
  noun: [
    'stilte',
    'zomer',
    'winter',
    'rivier',
    'toren',
    'gracht',
    'poort',
    'storm',
    'belofte',
    'herinnering',
    'erfenis',
    'brief',
    'sleutel',
    'spiegel',
    'tuin',
    'haven',
    'molen',
    'kust',
    'nacht',
    'vlucht',
    'terugkeer',
    'schaduw',
    'wind',
    'zee',
    'vallei',
    'heide',
    'lente',
    'kamer',
    'zolder',
    'dijk',
  ],
  nounPlural: [
    'dagen',
    'nachten',
    'jaren',
    'brieven',
    'stemmen',
    'vogels',
    'sterren',
    'wolken',
    'geheimen',
    'zussen',
    'broers',
    'vrienden',
    'handen',
    'woorden',
    'kinderen',
    'seizoenen',
    'golven',
    'lichten',
  ],
  adjective: [
    'Stille',
    'Lange',
    'Korte',
    'Verloren',
    'Gebroken',
    'Blauwe',
    'Warme',
    'Koude',
    'Late',
    'Vroege',
    'Wilde',
    'Donkere',
    'Lichte',
    'Oude',
    'Nieuwe',
    'Vergeten',
    'Gouden',
    'Zilveren',
  ],
  place: [
    'Amersfoort',
    'de Eemvallei',
    'Zeeland',
    'Friesland',
    'de Veluwe',
    'Lissabon',
    'Triëst',
    'Gent',
    'Deventer',
    'Hoogland',
    'de polder',
    'het dorp',
    'de Betuwe',
    'Texel',
    'Groningen',
    'Brugge',
    'Toscane',
    'Normandië',
  ],
  street: [
    'Langegracht',
    'Muurhuizen',
    'Kamp',
    'Kortegracht',
    'Zuidsingel',
    'Havik',
    'Westsingel',
    'dijk',
    'haven',
  ],
  occupation: [
    'bakker',
    'smid',
    'notaris',
    'kapitein',
    'tuinman',
    'vroedvrouw',
    'brouwer',
    'apotheker',
    'molenaar',
    'boekbinder',
  ],
  firstName: [
    'Anna',
    'Jan',
    'Mila',
    'Daan',
    'Sofie',
    'Thijs',
    'Lotte',
    'Bram',
    'Fenna',
    'Joost',
    'Noor',
    'Wessel',
    'Hanna',
    'Ruben',
  ],
  ordinal: ['tweede', 'derde', 'vierde', 'zevende', 'laatste'],
  animal: [
    'Beer',
    'Muis',
    'Vos',
    'Kikker',
    'Uil',
    'Egel',
    'Konijn',
    'Olifant',
    'Eend',
    'Pinguïn',
    'Das',
    'Schildpad',
  ],
  childName: ['Pim', 'Saar', 'Kees', 'Fleur', 'Tijn', 'Lieke', 'Bas', 'Puck', 'Mees', 'Roos', 'Otto', 'Jet'],
  magicNoun: [
    'toverboom',
    'drakenberg',
    'zilveren sleutel',
    'geheime tunnel',
    'vliegende fiets',
    'verdwenen kroon',
    'sprekende kat',
    'wolkenkasteel',
  ],
  childPlace: [
    'school',
    'de dierentuin',
    'het strand',
    'opa en oma',
    'de bakker',
    'het bos',
    'de markt',
    'de maan',
  ],
  ingredient: [
    'groenten',
    'peulvruchten',
    'paddenstoelen',
    'kruiden',
    'vis',
    'eieren',
    'aardappelen',
    'granen',
    'noten',
    'appels',
  ],
  dish: ['soep', 'taart', 'brood', 'ovenschotel', 'salade', 'stamppot', 'koekjes', 'curry'],
  audience: ['iedereen', 'drukke ouders', 'studenten', 'beginners', 'gezinnen', 'thuiswerkers'],
  region: [
    'de Utrechtse Heuvelrug',
    'de Gelderse Vallei',
    'Eemland',
    'de Veluwe',
    'het Gooi',
    'de Vechtstreek',
    'Zuid-Limburg',
    'de Achterhoek',
  ],
  topic: [
    'tuinvogels',
    'paddenstoelen',
    'bomen',
    'sterrenkijken',
    'moestuinieren',
    'bijen',
    'wilde planten',
    'vlinders',
  ],
  city: ['Amersfoort', 'Utrecht', 'Deventer', 'Zwolle', 'Leiden', 'Haarlem', 'Den Bosch', 'Kampen'],
  number: ['50', '100', '365', '40', '75'],
  season: ['de lente', 'de zomer', 'de herfst', 'de winter'],
  // Only het-words: the templates say "Het {adjective} {subject}".
  subject: ['brein', 'lichaam', 'geheugen', 'geluk', 'hart', 'evenwicht', 'verlangen', 'kompas'],
};

const BOOK_GENRES: readonly BookGenre[] = [
  {
    segment: 'roman',
    count: 430,
    priceCents: [1999, 2499],
    templates: [
      'De {noun}',
      '{adjective} {nounPlural}',
      'De {occupation} van {place}',
      'Het huis aan de {street}',
      'Het café aan de {street}',
      'Een zomer in {place}',
      'De laatste {noun}',
      'Brieven aan {firstName}',
      '{firstName} en de {noun}',
      'Wat de {noun} wist',
      'Nachten in {place}',
      'De dochter van de {occupation}',
      'Achter de {nounPlural}',
      'Tussen {noun} en {noun}',
      'Alle {nounPlural} van {firstName}',
      'De {adjectiveLower} {noun}',
      'Terug naar {place}',
    ],
  },
  {
    segment: 'thriller',
    count: 240,
    priceCents: [1499, 2299],
    templates: [
      'Moord in {place}',
      'Vermist in {place}',
      'De {ordinal} getuige',
      'Schaduw over {place}',
      'Koude {noun}',
      'Het {noun}dossier',
      'Niemand in {place}',
      'Doodstil in {place}',
      'De {ordinal} {noun}',
      'Wie de {noun} zag',
      '{firstName} is verdwenen',
      'Het geheim van de {occupation}',
    ],
  },
  {
    segment: 'kinderboek',
    count: 260,
    priceCents: [999, 1699],
    templates: [
      '{animal} gaat naar {childPlace}',
      '{childName} en de {magicNoun}',
      'Waar is {childName}?',
      'De avonturen van {childName} de {animalLower}',
      'Kleine {animal} wil niet slapen',
      '{childName} op de boerderij',
      'Het grote boek van {animal}',
      '{animal} en {animal2} zijn vrienden',
      '{childName} en {childName2} op avontuur',
      'De {magicNoun}',
    ],
  },
  {
    segment: 'kookboek',
    count: 90,
    priceCents: [2499, 3499],
    templates: [
      'Koken met {ingredient}',
      '{number} recepten met {ingredient}',
      'Het grote {dish}boek',
      'Vegetarisch voor {audience}',
      'Snel en gezond voor {audience}',
      'Bakken met {firstName}',
      'De Hollandse {dish}',
      'Het {dish}boek van {place}',
    ],
  },
  {
    segment: 'non-fictie',
    count: 260,
    priceCents: [1999, 3499],
    templates: [
      'Wandelen in {region}',
      'Fietsroutes door {region}',
      'De geschiedenis van {city}',
      'Gids voor {topic}',
      'Tuinieren in {season}',
      'Het {adjectiveLower} {subject}',
      '{number} wandelingen in {region}',
      'Zo werkt je {subject}',
      'Handboek {topic}',
      'Verborgen {city}',
      '{city} in de middeleeuwen',
      'Op zoek naar {topic}',
    ],
  },
];

const AUTHOR_FIRST_NAMES = [
  'Marieke',
  'Pieter',
  'Femke',
  'Jeroen',
  'Ingrid',
  'Sander',
  'Annelies',
  'Wouter',
  'Merel',
  'Gerrit',
  'Esther',
  'Koen',
  'Hanneke',
  'Maarten',
  'Lieke',
  'Floor',
  'Ruud',
  'Janneke',
  'Tobias',
  'Saskia',
  'Hendrik',
  'Yara',
  'Olaf',
  'Nienke',
  'Bart',
  'Eline',
  'Thomas',
  'Willemijn',
  'Mehmet',
  'Priya',
];
const AUTHOR_LAST_NAMES = [
  'Brandsma',
  'van Eemnes',
  'Koopmans',
  'de Wilde',
  'Terpstra',
  'van Hoogland',
  'Verhoef',
  'Achterberg',
  'Scheepmaker',
  'van der Klip',
  'Molenkamp',
  'Roodenburg',
  'Zwanenveld',
  'de Gooijer',
  'Heuvelman',
  'Valkenier',
  'Bosveld',
  'Lindeboom',
  'Eemhuis',
  'van Stoutenburg',
  'Hamersma',
  'Kleinjan',
  'Wolterink',
];

/** Publisher blocks in the Dutch-language ISBN groups (978-90, 978-94) and how many title digits follow. */
const ISBN_PREFIXES: readonly { prefix: string; titleDigits: number }[] = [
  { prefix: '97890245', titleDigits: 4 },
  { prefix: '97890414', titleDigits: 4 },
  { prefix: '9789044', titleDigits: 5 },
  { prefix: '97890263', titleDigits: 4 },
  { prefix: '9789021', titleDigits: 5 },
  { prefix: '978946', titleDigits: 6 },
  { prefix: '97894031', titleDigits: 4 },
  { prefix: '978949', titleDigits: 6 },
];

/**
 * Fills `{slot}` placeholders from BOOK_WORDS. `{slotLower}` lowercases the word; `{slot2}` is a
 * second word from the same list that differs from the first ("{animal} en {animal2}").
 */
function fillTemplate(template: string, random: Random): string {
  const firstPicks = new Map<string, string>();
  const text = template.replace(
    /\{([a-zA-Z]+?)(Lower)?(2)?\}/g,
    (_match, listKey: string, lower?: string, second?: string) => {
      const words = BOOK_WORDS[listKey];
      if (!words) throw new Error(`unknown book template slot ${listKey}`);
      let word = random.pick(words);
      if (second && firstPicks.get(listKey) === word) word = words[(words.indexOf(word) + 1) % words.length]!;
      if (!second) firstPicks.set(listKey, word);
      return lower ? word.toLowerCase() : word;
    },
  );
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------

function popularityFrom(random: Random): number {
  // Heavy-tailed: most products are niche, a few are stocked nearly everywhere.
  return 0.25 + 4 * Math.pow(random.next(), 3);
}

function cartesian(parts: readonly (readonly string[])[]): string[][] {
  let combinations: string[][] = [[]];
  for (const options of parts) {
    const next: string[][] = [];
    for (const prefix of combinations) for (const option of options) next.push([...prefix, option]);
    combinations = next;
  }
  return combinations;
}

/** Builds the whole catalogue; the same seed gives the same catalogue. */
export function buildCatalogue(seed: string): CatalogueItem[] {
  const random = new Random(`${seed}:catalogue`);
  const items: CatalogueItem[] = [];
  const usedNames = new Set<string>();
  const usedGtins = new Set<string>();

  // One GS1 company prefix (87 + five digits) per brand; item references count up from a random start.
  const companyPrefixes = new Map<string, { prefix: string; nextItem: number }>();
  const usedPrefixes = new Set<string>();
  const gtinForBrand = (brand: string): string => {
    let company = companyPrefixes.get(brand);
    if (!company) {
      let prefix: string;
      do prefix = `87${random.int(10000, 99999)}`;
      while (usedPrefixes.has(prefix));
      usedPrefixes.add(prefix);
      company = { prefix, nextItem: random.int(100, 5000) };
      companyPrefixes.set(brand, company);
    }
    const body = `${company.prefix}${String(company.nextItem).padStart(5, '0')}`;
    company.nextItem += random.int(1, 7);
    return `0${body}${gs1CheckDigit(body)}`;
  };

  for (const productLine of PRODUCT_LINES) {
    const brands =
      SEGMENT_BRANDS[`${productLine.category}/${productLine.segment}`] ?? BRANDS[productLine.category];
    if (!brands) throw new Error(`no brands for ${productLine.category}`);
    const combinations = random.shuffle(cartesian(productLine.parts));
    const wanted = productLine.limit ?? combinations.length;
    const sizeOptions = productLine.parts[productLine.parts.length - 1] ?? [];
    let made = 0;
    for (const combination of combinations) {
      if (made >= wanted) break;
      const name = combination.filter((part) => part !== '').join(' ');
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      // Later options of the last part are the bigger sizes, so they cost more.
      const lastOption = combination[combination.length - 1] ?? '';
      const sizeRank =
        sizeOptions.length > 1 ? sizeOptions.indexOf(lastOption) / (sizeOptions.length - 1) : 0.5;
      const [minCents, maxCents] = productLine.priceCents;
      const priceShare = Math.min(1, 0.55 * sizeRank + 0.45 * random.next());
      const brand = random.pick(brands);
      const gtin = gtinForBrand(brand);
      usedGtins.add(gtin);
      items.push({
        product: { gtin, name, brand, category: productLine.category, image: null },
        basePriceCents: Math.round(minCents + (maxCents - minCents) * priceShare),
        popularity: popularityFrom(random),
        segment: productLine.segment,
        slug: slugify(name),
      });
      made++;
    }
  }

  for (const genre of BOOK_GENRES) {
    let made = 0;
    let attempts = 0;
    while (made < genre.count && attempts < genre.count * 50) {
      attempts++;
      const baseTitle = fillTemplate(random.pick(genre.templates), random);
      // Series are common in children's books and thrillers.
      const title =
        (genre.segment === 'kinderboek' || genre.segment === 'thriller') && random.chance(0.12)
          ? `${baseTitle} (deel ${random.int(2, 5)})`
          : baseTitle;
      if (usedNames.has(title)) continue;
      const isbnBlock = random.pick(ISBN_PREFIXES);
      const body = `${isbnBlock.prefix}${String(random.int(0, 10 ** isbnBlock.titleDigits - 1)).padStart(isbnBlock.titleDigits, '0')}`;
      const gtin = `0${body}${gs1CheckDigit(body)}`;
      if (usedGtins.has(gtin)) continue;
      usedNames.add(title);
      usedGtins.add(gtin);
      const author = `${random.pick(AUTHOR_FIRST_NAMES)} ${random.pick(AUTHOR_LAST_NAMES)}`;
      const [minCents, maxCents] = genre.priceCents;
      items.push({
        product: { gtin, name: title, brand: author, category: 'boeken', image: null },
        basePriceCents: shelfPriceCents(random.between(minCents, maxCents)),
        popularity: popularityFrom(random),
        segment: genre.segment,
        slug: slugify(title),
      });
      made++;
    }
  }
  return items;
}
