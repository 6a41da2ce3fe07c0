"""Realistic Chinese demo names (companies, people, products) and the masking of buyer details.

R-ORD-4: the vendor never sees a buyer's real phone number or full name; the sandbox stores and
serves only the masked forms and a marketplace-issued virtual number.
"""

from __future__ import annotations

import random

CITIES = [
    "杭州",
    "上海",
    "北京",
    "深圳",
    "广州",
    "成都",
    "南京",
    "苏州",
    "武汉",
    "西安",
    "重庆",
    "天津",
    "厦门",
    "合肥",
    "长沙",
    "青岛",
]
# (brand, pinyin for e-mail domains)
BRANDS = [
    ("云帆", "yunfan"),
    ("数联", "shulian"),
    ("智汇", "zhihui"),
    ("星辰", "xingchen"),
    ("恒信", "hengxin"),
    ("博远", "boyuan"),
    ("新锐", "xinrui"),
    ("鼎盛", "dingsheng"),
    ("华睿", "huarui"),
    ("启明", "qiming"),
    ("天衡", "tianheng"),
    ("远景", "yuanjing"),
    ("安讯", "anxun"),
    ("易达", "yida"),
    ("聚能", "juneng"),
    ("青橙", "qingcheng"),
    ("云栖", "yunqi"),
    ("锐思", "ruisi"),
    ("卓越", "zhuoyue"),
    ("明途", "mingtu"),
]
INDUSTRIES = [
    "科技有限公司",
    "信息技术有限公司",
    "网络科技有限公司",
    "软件有限公司",
    "电子商务有限公司",
    "数据服务有限公司",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐"
GIVEN = "明伟芳娜静磊洋勇艳杰军丽强敏涛婷斌辉鹏飞华平刚玲宇浩然欣怡"
MOBILE_PREFIXES = [
    "138",
    "139",
    "137",
    "136",
    "135",
    "186",
    "187",
    "188",
    "150",
    "151",
    "158",
    "159",
    "177",
    "181",
    "199",
]

# Product names per market (SPEC §1), as vendors would title them.
PRODUCTS: dict[str, list[str]] = {
    "image": [
        "CentOS 7.9 LAMP 运行环境",
        "宝塔Linux面板 专业版镜像",
        "WordPress 建站镜像（中文版）",
        "Docker CE 容器运行环境",
        "MySQL 8.0 数据库镜像",
        "Java 17 + Tomcat 运行环境",
    ],
    "ops_image_maintenance": ["镜像安全加固与补丁维护", "操作系统镜像定制服务", "镜像漏洞修复月度维护"],
    "app_license": [
        "FineReport 报表软件授权",
        "用友U8 财务软件授权",
        "金蝶云星空 授权许可",
        "泛微OA 协同办公授权",
    ],
    "api": [
        "全国快递物流查询 API",
        "身份证实名认证 API",
        "短信验证码 API",
        "天气预报查询 API",
        "银行卡四要素核验 API",
    ],
    "ops_troubleshooting": ["服务器故障排查（7×24小时）", "网站访问慢诊断与优化", "数据库性能调优服务"],
    "ops_data_intelligence": ["大数据平台搭建与调优", "数据仓库建模咨询", "BI 报表开发服务"],
    "saas": [
        "智能客服机器人 SaaS 版",
        "在线问卷调查系统",
        "企业网盘协同版",
        "电子合同签署平台",
        "CRM 客户管理系统",
    ],
    "enterprise_butler": ["公司注册代办", "商标注册申请", "代理记账（小规模纳税人）", "ICP 备案代办"],
    "custom_service": ["小程序定制开发", "企业官网定制设计", "APP 定制开发（iOS/Android）"],
    "security": ["网站安全漏洞扫描", "等保2.0 合规咨询", "SSL 证书部署服务", "DDoS 高防接入"],
}


def person_name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(SURNAMES) + given


def company(rng: random.Random) -> tuple[str, str, str]:
    """(full name, masked name, e-mail domain stem) of a company."""
    city, (brand, pinyin), industry = rng.choice(CITIES), rng.choice(BRANDS), rng.choice(INDUSTRIES)
    return f"{city}{brand}{industry}", f"{city}**{industry}", pinyin


def mask_person(name: str) -> str:
    """王小明 → 王*明, 王伟 → 王*."""
    if len(name) <= 2:
        return name[:1] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(phone: str) -> str:
    """13812345678 → 138****5678 (R-ORD-4)."""
    return phone[:3] + "****" + phone[-4:]


def virtual_number(rng: random.Random) -> str:
    """A marketplace-issued virtual number with extension, e.g. 170 0000 1234-5678 (R-ORD-4)."""
    return f"170 {rng.randrange(10_000):04d} {rng.randrange(10_000):04d}-{rng.randrange(10_000):04d}"


def buyer_identity(buyer_account_id: str) -> tuple[str, str]:
    """The masked (name, contact) a buyer account always shows, derived from its id so the same
    buyer looks the same on every order. Most buyers are companies, some are individuals."""
    rng = random.Random(f"buyer:{buyer_account_id}")
    name = company(rng)[1] if rng.random() < 0.7 else mask_person(person_name(rng))
    phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
    return name, mask_phone(phone)


def seeded_id(account_id: str, kind: str, n: int) -> str:
    """The id of a seeded row (a demo user, listing, order, message)."""
    # Unique across vendors (account ids are) and stable for a seed.
    return f"{kind}-{account_id}-{n}"
