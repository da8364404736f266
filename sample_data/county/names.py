"""Place names and administrative codes of the fictitious county (all invented)."""

COUNTY_CODE = "429901"
COUNTY_NAME = "Songhe County 松河县"
RIVER_NAME = "Songhe 松河"

# Village names are "<surname><suffix>", e.g. "Lijiawan 李家湾村": (pinyin, Chinese) pairs.
SURNAMES = [("Li", "李"), ("Wang", "王"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"),
            ("Yang", "杨"), ("Huang", "黄"), ("Zhao", "赵"), ("Wu", "吴"), ("Zhou", "周"),
            ("Xu", "徐"), ("Sun", "孙"), ("Hu", "胡"), ("Zhu", "朱"), ("Gao", "高"),
            ("Lin", "林"), ("He", "何"), ("Guo", "郭"), ("Ma", "马"), ("Luo", "罗"),
            ("Liang", "梁"), ("Song", "宋"), ("Zheng", "郑"), ("Xie", "谢"), ("Tang", "唐"),
            ("Feng", "冯"), ("Deng", "邓"), ("Cao", "曹"), ("Peng", "彭"), ("Zeng", "曾"),
            ("Tian", "田"), ("Yuan", "袁"), ("Cai", "蔡"), ("Jiang", "蒋"), ("Yu", "余"),
            ("Du", "杜"), ("Ye", "叶"), ("Cheng", "程"), ("Wei", "魏"), ("Xiong", "熊"),
            ("Qin", "秦"), ("Shi", "石"), ("Fang", "方"), ("Ren", "任"), ("Dai", "戴")]
VILLAGE_SUFFIXES = [("jiawan", "家湾村"), ("jiachong", "家冲村"), ("jiafan", "家畈村"),
                    ("jiaping", "家坪村"), ("jialing", "家岭村"), ("jiatai", "家台村"),
                    ("jiagang", "家岗村"), ("jiaao", "家坳村")]
