package dev.llmqa.snippet.worker;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a class file that HotSpot's class redefinition must find unchanged: modifiers, supertypes, and the
 * fields and methods with their descriptors. The jshell tool redefines classes in place when these match and
 * reports "modified"; the local engine cannot, so the worker uses this to print what the tool would print.
 */
record ClassShape(int access, String superName, List<String> interfaces, List<String> fields, List<String> methods) {

    /** Whether HotSpot would accept {@code next} as a redefinition of {@code previous}. */
    static boolean redefinable(byte[] previous, byte[] next) {
        try {
            return of(previous).equals(of(next));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static ClassShape of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant tag " + tag);
            }
        }
        int access = in.readUnsignedShort();
        in.readUnsignedShort();
        String superName = utf8[classNameIndex[in.readUnsignedShort()]];
        List<String> interfaces = new ArrayList<>();
        for (int n = in.readUnsignedShort(); n > 0; n--) {
            interfaces.add(utf8[classNameIndex[in.readUnsignedShort()]]);
        }
        List<String> fields = members(in, utf8);
        List<String> methods = members(in, utf8);
        return new ClassShape(access, superName, interfaces, fields, methods);
    }

    private static List<String> members(DataInputStream in, String[] utf8) throws IOException {
        List<String> members = new ArrayList<>();
        for (int n = in.readUnsignedShort(); n > 0; n--) {
            int access = in.readUnsignedShort();
            members.add(access + " " + utf8[in.readUnsignedShort()] + " " + utf8[in.readUnsignedShort()]);
            for (int a = in.readUnsignedShort(); a > 0; a--) {
                in.readUnsignedShort();
                in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
            }
        }
        return members;
    }
}
